package dev.chaos4j.core.secret;

import dev.chaos4j.core.InvalidExperiment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate authorities Vault's TLS certificate is checked against when the environment names
 * its own, as Vault's clients do: {@code VAULT_CACERT} (a PEM bundle) wins over {@code
 * VAULT_CAPATH} (a directory of PEM files).
 */
final class TrustedCertificates {
  private TrustedCertificates() {}

  /**
   * An SSL context trusting only the named authorities, or null when the environment names none
   * (the JVM's default trust store then applies).
   *
   * @throws InvalidExperiment when the named file or directory holds no readable certificate
   */
  static SSLContext fromEnvironment(Map<String, String> environment) {
    String variable;
    List<Path> files;
    if (isSet(environment.get("VAULT_CACERT"))) {
      variable = "VAULT_CACERT";
      files = List.of(Path.of(environment.get(variable)));
    } else if (isSet(environment.get("VAULT_CAPATH"))) {
      variable = "VAULT_CAPATH";
      files = filesIn(Path.of(environment.get(variable)));
    } else {
      return null;
    }
    String source = environment.get(variable) + " (" + variable + ")";
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<Certificate> certificates = new ArrayList<>();
      for (Path file : files) {
        certificates.addAll(read(factory, file, files.size() == 1));
      }
      if (certificates.isEmpty()) {
        throw new InvalidExperiment("No certificate found in " + source + " to trust Vault with");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("vault-ca-" + i, certificates.get(i));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidExperiment(
          "Cannot read the certificates to trust Vault with from " + source + ": " + e.getMessage(),
          e);
    }
  }

  private static boolean isSet(String value) {
    return value != null && !value.isEmpty();
  }

  private static List<Path> filesIn(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new InvalidExperiment(
          "Cannot list " + directory + " (VAULT_CAPATH) to trust Vault with: " + e.getMessage(), e);
    }
  }

  /** The certificates of a file; in a directory, a file that holds none is skipped. */
  private static List<? extends Certificate> read(
      CertificateFactory factory, Path file, boolean strict)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return new ArrayList<>(factory.generateCertificates(in));
    } catch (GeneralSecurityException e) {
      if (strict) {
        throw e;
      }
      return List.of();
    }
  }
}
