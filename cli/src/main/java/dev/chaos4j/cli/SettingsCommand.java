package dev.chaos4j.cli;

import dev.chaos4j.cli.settings.GetSetting;
import dev.chaos4j.cli.settings.RemoveSetting;
import dev.chaos4j.cli.settings.SetSetting;
import dev.chaos4j.cli.settings.ShowSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chaos settings show|get|set|remove}: reads and edits the settings file. */
@Command(
    name = "settings",
    description = "Read, write or remove from your settings file.",
    subcommands = {ShowSettings.class, GetSetting.class, SetSetting.class, RemoveSetting.class})
public final class SettingsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Without a sub-command: the help, as the reference shows it. */
  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return 0;
  }
}
