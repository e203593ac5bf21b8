package dev.chaos4j.cli.init;

import dev.chaos4j.core.ChaosException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Asks questions and reads answers one line at a time, so the wizard works the same at a terminal
 * and with piped input. An unusable answer prints {@code Error: ...} and asks again; the end of the
 * input ends the conversation.
 */
final class Prompter {
  private final BufferedReader in;
  private final PrintStream out;

  /** Turns an answer into a value, or says why it cannot. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String answer) throws InvalidAnswer;
  }

  Prompter(BufferedReader in, PrintStream out) {
    this.in = in;
    this.out = out;
  }

  /** Prints a line of the conversation. */
  void say(String line) {
    out.println(line);
    out.flush();
  }

  /**
   * Asks until {@code parser} accepts the answer.
   *
   * @param hint shown in brackets after the question (a default, a choice of answers), or null
   * @throws InputEnded when the input ends first
   */
  <T> T ask(String question, String hint, Parser<T> parser) throws InputEnded {
    String prompt = hint == null ? question + ": " : question + " [" + hint + "]: ";
    while (true) {
      out.print(prompt);
      out.flush();
      String line = readLine();
      try {
        return parser.parse(line.strip());
      } catch (InvalidAnswer e) {
        say("Error: " + e.getMessage());
      }
    }
  }

  private String readLine() throws InputEnded {
    String line;
    try {
      line = in.readLine();
    } catch (IOException e) {
      throw new ChaosException("cannot read answers from standard input: " + e.getMessage(), e);
    }
    if (line == null) {
      // Keep the user's shell prompt off the line of the unanswered question.
      out.println();
      out.flush();
      throw new InputEnded();
    }
    return line;
  }
}
