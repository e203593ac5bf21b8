package dev.chaos4j.cli.init;

/** The input ended (EOF) while the wizard was waiting for an answer. */
public final class InputEnded extends Exception {
  private static final long serialVersionUID = 1L;

  InputEnded() {
    super("input ended before the experiment was complete");
  }
}
