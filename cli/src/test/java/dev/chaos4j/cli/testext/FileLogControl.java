package dev.chaos4j.cli.testext;

import dev.chaos4j.core.control.Control;
import dev.chaos4j.core.control.ControlCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A Java control declared by class in CLI tests: appends {@code "<tag> <hook> <level>"} to the file
 * its {@code log} argument names.
 */
public final class FileLogControl implements Control {
  @Override
  public void before(ControlCall call) {
    append(call, "before");
  }

  @Override
  public void after(ControlCall call) {
    append(call, "after");
  }

  private static void append(ControlCall call, String hook) {
    Map<String, Object> arguments = call.arguments();
    try {
      Files.writeString(
          Path.of(String.valueOf(arguments.get("log"))),
          arguments.get("tag") + " " + hook + " " + call.level() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
