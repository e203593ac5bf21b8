package dev.chaos4j.proxy.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks scheduled on the deadline timer run on their event loop, never before their deadline,
 * whether they wait on the event loop first (far deadlines) or on the timer thread only (near
 * ones); cancelled tasks never run.
 */
class DeadlineTimerTest {

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();
  private final DeadlineTimer timer = new DeadlineTimer();

  @AfterEach
  void stop() {
    timer.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  @Test
  void tasksRunOnTheirEventLoopNeverBeforeTheirDeadline() throws Exception {
    Thread loopThread = loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
    for (int round = 0; round < 10; round++) {
      int count = 31;
      long[] deadlines = new long[count];
      AtomicLongArray ranAt = new AtomicLongArray(count);
      AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(count);
      CountDownLatch done = new CountDownLatch(count);
      loop.execute(
          () -> {
            for (int i = 0; i < count; i++) {
              // From already due to 6 ms ahead, across the hand-off to the timer thread at 2 ms.
              deadlines[i] = System.nanoTime() + (i - 1) * 200_000L;
              int task = i;
              timer.schedule(
                  loop,
                  () -> {
                    ranAt.set(task, System.nanoTime());
                    ranOn.set(task, Thread.currentThread());
                    done.countDown();
                  },
                  deadlines[i]);
            }
          });

      assertThat(done.await(10, TimeUnit.SECONDS)).as("every task ran").isTrue();
      for (int i = 0; i < count; i++) {
        assertThat(ranAt.get(i)).as("task %d's run time", i).isGreaterThanOrEqualTo(deadlines[i]);
        assertThat(ranOn.get(i)).as("task %d's thread", i).isSameAs(loopThread);
      }
    }
  }

  @Test
  void aTaskDueNowRunsAfterTheCallThatScheduledIt() throws Exception {
    List<String> events = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    loop.execute(
        () -> {
          timer.schedule(loop, done::countDown, System.nanoTime() - 1);
          events.add("scheduled");
          timer.schedule(loop, () -> events.add("ran"), System.nanoTime());
          events.add("returned");
        });

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(loop.submit(() -> List.copyOf(events)).get(5, TimeUnit.SECONDS))
        .containsExactly("scheduled", "returned", "ran");
  }

  @Test
  void cancelledTasksNeverRunWhicheverWaitTheyAreIn() throws Exception {
    AtomicInteger cancelledRuns = new AtomicInteger();
    CountDownLatch control = new CountDownLatch(1);
    loop.execute(
        () -> {
          long now = System.nanoTime();
          List<Future<?>> cancelled = new ArrayList<>();
          for (long aheadMicros : new long[] {0, 500, 1_500, 3_000, 20_000}) {
            cancelled.add(
                timer.schedule(
                    loop,
                    cancelledRuns::incrementAndGet,
                    now + TimeUnit.MICROSECONDS.toNanos(aheadMicros)));
          }
          timer.schedule(loop, control::countDown, now + TimeUnit.MILLISECONDS.toNanos(40));
          cancelled.forEach(future -> future.cancel(false));
        });

    assertThat(control.await(5, TimeUnit.SECONDS)).as("the task not cancelled ran").isTrue();
    assertThat(cancelledRuns.get()).isZero();
  }
}
