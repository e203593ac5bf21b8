package dev.chaos4j.cli;

import dev.chaos4j.cli.settings.GetSetting;
import dev.chaos4j.cli.settings.RemoveSetting;
import dev.chaos4j.cli.settings.SetSetting;
import dev.chaos4j.cli.settings.ShowSettings;
import picocli.CommandLine.Command;

/** {@code chaos settings show|get|set|remove}: reads and edits the settings file. */
@Command(
    name = "settings",
    description = "Read, write or remove from your settings file.",
    subcommands = {ShowSettings.class, GetSetting.class, SetSetting.class, RemoveSetting.class})
public final class SettingsCommand extends CommandGroup {}
