package dev.chaos4j.cli.init;

/** An answer the wizard cannot use; its message says why, and the question is asked again. */
final class InvalidAnswer extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidAnswer(String message) {
    super(message);
  }
}
