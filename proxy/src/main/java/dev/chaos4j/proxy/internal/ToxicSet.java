package dev.chaos4j.proxy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The toxics of one proxy at one moment, in the order they were added, with a version that grows
 * with every change. Immutable, so connections can read it from any thread.
 */
public final class ToxicSet {

  /** No toxics. */
  public static final ToxicSet EMPTY = new ToxicSet(List.of(), 0);

  private final List<ToxicEntry> entries;
  private final long version;

  private ToxicSet(List<ToxicEntry> entries, long version) {
    this.entries = entries;
    this.version = version;
  }

  /** Grows with every change; a connection applies a set only if newer than what it has. */
  public long version() {
    return version;
  }

  /** Whether there is no toxic. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** All toxics, in the order they were added. */
  public List<ToxicEntry> entries() {
    return entries;
  }

  /** The toxics acting on {@code direction}, in chain order (the order they were added). */
  public List<ToxicEntry> chain(Direction direction) {
    List<ToxicEntry> chain = new ArrayList<>(entries.size());
    for (ToxicEntry entry : entries) {
      if (entry.appliesTo(direction)) {
        chain.add(entry);
      }
    }
    return chain;
  }

  /** The toxic named {@code name}, or {@code null}. */
  public ToxicEntry find(String name) {
    for (ToxicEntry entry : entries) {
      if (entry.name().equals(name)) {
        return entry;
      }
    }
    return null;
  }

  /** The set with {@code entry} added at the end. */
  public ToxicSet with(ToxicEntry entry) {
    List<ToxicEntry> copy = new ArrayList<>(entries);
    copy.add(entry);
    return new ToxicSet(List.copyOf(copy), version + 1);
  }

  /** The set with the entry of the same id replaced by {@code entry}, in place. */
  public ToxicSet replace(ToxicEntry entry) {
    List<ToxicEntry> copy = new ArrayList<>(entries);
    copy.replaceAll(existing -> existing.id() == entry.id() ? entry : existing);
    return new ToxicSet(List.copyOf(copy), version + 1);
  }

  /** The set without {@code entry}. */
  public ToxicSet without(ToxicEntry entry) {
    List<ToxicEntry> copy = new ArrayList<>(entries);
    copy.removeIf(existing -> existing.id() == entry.id());
    return new ToxicSet(List.copyOf(copy), version + 1);
  }

  /** The set with no toxics, newer than this one. */
  public ToxicSet cleared() {
    return new ToxicSet(List.of(), version + 1);
  }

  /**
   * The toxics as the API lists them: upstream ones first, then downstream ones, as Toxiproxy does,
   * then those acting both ways.
   */
  public List<Map<String, Object>> toJson() {
    List<Map<String, Object>> json = new ArrayList<>(entries.size());
    for (ToxicEntry entry : entries) {
      if (entry.appliesTo(Direction.UPSTREAM) && !entry.isBothWays()) {
        json.add(entry.toJson());
      }
    }
    for (ToxicEntry entry : entries) {
      if (entry.appliesTo(Direction.DOWNSTREAM) && !entry.isBothWays()) {
        json.add(entry.toJson());
      }
    }
    for (ToxicEntry entry : entries) {
      if (entry.isBothWays()) {
        json.add(entry.toJson());
      }
    }
    return json;
  }
}
