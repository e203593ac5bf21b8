package dev.chaos4j.core.notification;

import dev.chaos4j.core.log.Log;
import dev.chaos4j.core.provider.http.HttpClients;
import dev.chaos4j.core.settings.InvalidSettings;
import dev.chaos4j.core.settings.Settings;
import dev.chaos4j.core.value.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The notification channels of the settings file, sending a command's flow events.
 *
 * <p>{@link #notify} never blocks and never throws: each channel delivers its events in order from
 * a thread of its own, and a failure (refused connection, timeout, HTTP error, exception in a
 * plugin) is logged as a warning. {@link #close} waits for what is still being sent, for at most
 * {@link #DRAIN_BOUND}, so the last event of a command ({@code run-completed}) is delivered before
 * the process ends.
 */
public final class Notifications implements AutoCloseable {
  /**
   * The longest {@link #close} waits for undelivered events: one HTTP send's bounds, plus slack.
   */
  public static final Duration DRAIN_BOUND = Duration.ofSeconds(10);

  private static final Log LOG = Log.of(Notifications.class);
  private static final Notifications NONE = new Notifications(List.of());

  private final List<Channel> channels;
  // created on a channel's first event: most commands of most users notify nobody
  private final Map<Channel, ExecutorService> senders = new IdentityHashMap<>();
  private boolean closed;

  private Notifications(List<Channel> channels) {
    this.channels = channels;
  }

  /** No channel at all. */
  public static Notifications none() {
    return NONE;
  }

  /**
   * The channels of the settings' {@code notifications} list. A malformed list or channel is
   * reported as a warning naming it and left out: notifications never stop a command.
   */
  public static Notifications of(Settings settings) {
    List<Map<String, Object>> declarations;
    try {
      declarations = settings.notifications();
    } catch (InvalidSettings e) {
      LOG.warning("Notifications are off: " + e.getMessage());
      return NONE;
    }
    return of(declarations);
  }

  /**
   * The channels declared in a list of mappings, as the settings file writes them; malformed ones
   * are reported as warnings and left out.
   */
  public static Notifications of(List<Map<String, Object>> declarations) {
    if (declarations.isEmpty()) {
      return NONE;
    }
    List<String> problems = new ArrayList<>();
    List<Channel> channels = Channels.read(declarations, new HttpClients(), problems);
    problems.forEach(LOG::warning);
    return channels.isEmpty() ? NONE : new Notifications(List.copyOf(channels));
  }

  /** Whether there is no channel to send to. */
  public boolean isEmpty() {
    return channels.isEmpty();
  }

  /**
   * Sends one flow event to every channel that takes it. Returns at once: the event is copied as it
   * is now (the run goes on changing the experiment) and sent in the background.
   *
   * @param event the reference's event name, e.g. {@code run-started}
   * @param payload the experiment, journal, discovery document or package name, or null
   * @param error the failure of a {@code *-failed} event, or null
   */
  public void notify(String event, Object payload, Throwable error) {
    List<Channel> takers = channels.stream().filter(c -> c.wants(event)).toList();
    if (takers.isEmpty()) {
      return;
    }
    Map<String, Object> document =
        Json.deepCopy(FlowEvent.of(event, payload, error, Instant.now()));
    String json = Json.compact(document);
    synchronized (senders) {
      if (closed) {
        LOG.debug("Notification " + event + " not sent: notifications are closed");
        return;
      }
      for (Channel channel : takers) {
        senders
            .computeIfAbsent(channel, Notifications::sender)
            .execute(() -> deliver(channel, event, document, json));
      }
    }
  }

  /**
   * Waits for the events still being sent, for at most {@link #DRAIN_BOUND} in all; what is left
   * then is abandoned with a warning. Later events are not sent.
   */
  @Override
  public void close() {
    List<ExecutorService> pending;
    synchronized (senders) {
      if (closed) {
        return;
      }
      closed = true;
      pending = new ArrayList<>(senders.values());
    }
    pending.forEach(ExecutorService::shutdown);
    long deadline = System.nanoTime() + DRAIN_BOUND.toNanos();
    try {
      for (ExecutorService sender : pending) {
        sender.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int abandoned = 0;
    for (ExecutorService sender : pending) {
      if (!sender.isTerminated()) {
        abandoned += sender.shutdownNow().size() + 1;
      }
    }
    if (abandoned > 0) {
      LOG.warning(
          "Gave up on "
              + abandoned
              + " notification(s) still unsent after "
              + DRAIN_BOUND.toSeconds()
              + " s");
    }
  }

  private static void deliver(
      Channel channel, String event, Map<String, Object> document, String json) {
    try {
      channel.send(document, json);
      LOG.debug("Notification " + event + " sent to " + channel.describe());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception | LinkageError e) {
      LOG.warning(
          "Notification "
              + event
              + " could not be sent to "
              + channel.describe()
              + ": "
              + reason(e));
      LOG.debug("Notification failure", e);
    }
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    if (e instanceof NotificationFailed) {
      return message;
    }
    String kind = e.getClass().getSimpleName();
    return message == null || message.isEmpty() ? kind : kind + ": " + message;
  }

  private static ExecutorService sender(Channel channel) {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread thread = new Thread(task, "chaos4j-notify " + channel.describe());
          // never the reason the JVM stays up: close() bounds the wait for undelivered events
          thread.setDaemon(true);
          return thread;
        });
  }
}
