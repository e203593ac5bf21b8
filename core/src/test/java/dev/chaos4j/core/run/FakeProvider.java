package dev.chaos4j.core.run;

import dev.chaos4j.core.ActivityFailed;
import dev.chaos4j.core.ChaosException;
import dev.chaos4j.core.InterruptExecution;
import dev.chaos4j.core.provider.Provider;
import dev.chaos4j.core.provider.ProviderContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A provider type {@code fake} for engine tests: returns {@code provider.output}, fails with {@code
 * provider.fail}, breaks with {@code provider.crash}, sleeps {@code provider.sleep} seconds
 * (interruptibly), and with {@code provider.meet} waits until that many activities are running at
 * once (failing if they never are); records the names of the activities it started and finished.
 */
final class FakeProvider implements Provider {
  /** How long an activity waits for the others it is to meet. */
  private static final Duration MEET_BOUND = Duration.ofSeconds(10);

  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<String> finished = new CopyOnWriteArrayList<>();
  private volatile CyclicBarrier meeting;

  @Override
  public String type() {
    return "fake";
  }

  @Override
  public void validate(Map<String, Object> activity, ProviderContext context) {}

  @Override
  public Object run(Map<String, Object> activity, ProviderContext context) {
    String name = String.valueOf(activity.get("name"));
    synchronized (calls) {
      calls.add(name);
      calls.notifyAll();
    }
    Map<?, ?> p = (Map<?, ?>) activity.get("provider");
    try {
      if (p.get("meet") instanceof Number parties) {
        meet(parties.intValue());
      }
      if (p.get("sleep") instanceof Number n) {
        Thread.sleep((long) (n.doubleValue() * 1000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptExecution("interrupted");
    }
    if (p.get("fail") != null) {
      throw new ActivityFailed(String.valueOf(p.get("fail")));
    }
    if (p.get("crash") != null) {
      throw new ChaosException(String.valueOf(p.get("crash")));
    }
    finished.add(name);
    return p.get("output");
  }

  /** Waits until an activity of this name has started; false if none did within the bound. */
  boolean awaitStart(String name, Duration bound) throws InterruptedException {
    long end = System.nanoTime() + bound.toNanos();
    synchronized (calls) {
      while (!calls.contains(name)) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(calls, left);
      }
      return true;
    }
  }

  private void meet(int parties) throws InterruptedException {
    synchronized (this) {
      if (meeting == null) {
        meeting = new CyclicBarrier(parties);
      }
    }
    try {
      meeting.await(MEET_BOUND.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | BrokenBarrierException e) {
      throw new ActivityFailed("the activities to meet were not running at the same time");
    }
  }
}
