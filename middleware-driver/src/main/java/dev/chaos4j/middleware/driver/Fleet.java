package dev.chaos4j.middleware.driver;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.provider.http.HttpClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The middlewares of one activity: runs the same operation on each (at once when there are several,
 * so a fleet changes nearly together) and fails the activity, naming every middleware that failed
 * and why, when any of them fails.
 */
final class Fleet {
  /** Connections are kept across activities: one set of clients for the whole process. */
  private static final HttpClients CLIENTS = new HttpClients();

  private final MiddlewareTarget target;
  private final List<AdminClient> clients;

  /** An operation on one middleware. */
  @FunctionalInterface
  interface Operation<T> {
    T apply(AdminClient client) throws InterruptedException;
  }

  Fleet(MiddlewareTarget target) {
    this.target = target;
    List<AdminClient> list = new ArrayList<>();
    for (String url : target.urls()) {
      list.add(
          new AdminClient(
              url,
              target.token(),
              target.timeout(),
              CLIENTS.get(target.timeout(), target.verifyTls())));
    }
    this.clients = List.copyOf(list);
  }

  /** Reads the target from an activity's configuration and secrets. */
  static Fleet of(Map<String, Object> configuration, Map<String, Object> secrets) {
    return new Fleet(MiddlewareTarget.of(configuration, secrets));
  }

  MiddlewareTarget target() {
    return target;
  }

  List<AdminClient> clients() {
    return clients;
  }

  /** Runs the operation on every middleware; results in the order of the URLs. */
  <T> List<T> each(Operation<T> operation) throws InterruptedException {
    return each(clients, operation);
  }

  /**
   * Runs the operation on these middlewares; results in their order.
   *
   * @throws ActivityFailed when it fails on any of them, naming each failure and the successes
   */
  <T> List<T> each(List<AdminClient> on, Operation<T> operation) throws InterruptedException {
    if (on.size() == 1) {
      AdminClient client = on.get(0);
      try {
        return List.of(operation.apply(client));
      } catch (AdminClient.CallFailed e) {
        throw new ActivityFailed(client.url() + ": " + e.getMessage());
      }
    }
    List<Future<T>> futures = new ArrayList<>(on.size());
    for (AdminClient client : on) {
      futures.add(Workers.POOL.submit(() -> operation.apply(client)));
    }
    List<T> results = new ArrayList<>(on.size());
    Map<String, List<String>> failures = new LinkedHashMap<>();
    List<String> succeeded = new ArrayList<>();
    try {
      for (int i = 0; i < futures.size(); i++) {
        String url = on.get(i).url();
        try {
          results.add(futures.get(i).get());
          succeeded.add(url);
        } catch (ExecutionException e) {
          results.add(null);
          failures.computeIfAbsent(problem(e.getCause()), p -> new ArrayList<>()).add(url);
        }
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
    if (!failures.isEmpty()) {
      throw new ActivityFailed(report(failures, succeeded, on.size()));
    }
    return results;
  }

  /** One result for a single URL, the list of results for a list of URLs (the fleet). */
  Object shaped(List<?> results) {
    return target.fleet() ? new ArrayList<>(results) : results.get(0);
  }

  private static String problem(Throwable error) {
    if (error instanceof AdminClient.CallFailed || error instanceof ActivityFailed) {
      return error.getMessage();
    }
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String report(
      Map<String, List<String>> failures, List<String> succeeded, int total) {
    int failed = failures.values().stream().mapToInt(List::size).sum();
    StringBuilder out =
        new StringBuilder("failed on ")
            .append(failed)
            .append(" of ")
            .append(total)
            .append(" middlewares: ");
    String separator = "";
    for (Map.Entry<String, List<String>> failure : failures.entrySet()) {
      out.append(separator)
          .append(String.join(", ", failure.getValue()))
          .append(": ")
          .append(failure.getKey());
      separator = "; ";
    }
    if (!succeeded.isEmpty()) {
      out.append("; succeeded on ").append(String.join(", ", succeeded));
    }
    return out.toString();
  }

  /** Threads for fleets, created on first use; idle ones end after a minute. */
  private static final class Workers {
    static final ExecutorService POOL =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "chaos4j-middleware-driver");
              t.setDaemon(true);
              return t;
            });
  }
}
