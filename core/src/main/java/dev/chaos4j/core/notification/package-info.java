/**
 * Notifications: the flow events of a command ({@code run-started}, {@code validate-failed}...)
 * sent to the channels of the settings file, over HTTP or to a Java {@link
 * dev.chaos4j.core.notification.Notifier}, without ever breaking or stalling the run. {@link
 * dev.chaos4j.core.notification.Notifications} is the entry point.
 */
package dev.chaos4j.core.notification;
