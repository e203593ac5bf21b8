package dev.chaos4j.core.config;

import dev.chaos4j.core.ChaosException;

/**
 * A {@code --var} or {@code --var-file} given on the command line is wrong: a usage error (the CLI
 * exits with status 2, as the reference does for a bad {@code --var}).
 */
public class InvalidVariable extends ChaosException {
  private static final long serialVersionUID = 1L;

  private final String option;

  /**
   * @param option the command-line option at fault, {@code --var} or {@code --var-file}
   * @param message what is wrong, naming the value or file
   */
  public InvalidVariable(String option, String message) {
    super(message);
    this.option = option;
  }

  public InvalidVariable(String option, String message, Throwable cause) {
    super(message, cause);
    this.option = option;
  }

  /** The command-line option at fault: {@code --var} or {@code --var-file}. */
  public String option() {
    return option;
  }
}
