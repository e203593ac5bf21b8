package dev.chaos4j.proxy.toxic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each toxic's stage on a simulated clock: what comes out, when, and that nothing leaks. */
class StagesTest {

  private final FakeLink link = new FakeLink();

  private void send(Stage stage, String text) {
    stage.onData(link.chunk(text), link.nanoTime());
  }

  @Test
  void latencyReleasesEachChunkAtItsArrivalPlusTheLatencyInOrder() {
    Stage stage = link.stage(LatencyToxic.TYPE, "latency", 100);
    send(stage, "a");
    link.advance(30);
    send(stage, "b");
    stage.onEnd();

    link.advance(69);
    assertThat(link.outputs).isEmpty();
    link.advance(1);
    assertThat(link.outputs).containsExactly(new FakeLink.Output("a", 100));
    link.advance(30);
    assertThat(link.outputs).extracting(FakeLink.Output::atMillis).containsExactly(100L, 130L);
    assertThat(link.endAtMillis).isEqualTo(130L);
    assertThat(link.allReleased()).isTrue();
  }

  @Test
  void removingALatencyPassesHeldDataOnAtOnceAndDisposingReleasesIt() {
    Stage stage = link.stage(LatencyToxic.TYPE, "latency", 1000);
    send(stage, "a");
    send(stage, "b");
    stage.onRemoved();
    assertThat(link.received()).isEqualTo("ab");

    Stage other = link.stage(LatencyToxic.TYPE, "latency", 1000);
    send(other, "lost");
    other.dispose();
    link.advance(2000);
    assertThat(link.received()).isEqualTo("ab");
    assertThat(link.allReleased()).isTrue();
  }

  @Test
  void bandwidthSendsAHundredMillisecondsWorthAtATime() {
    Stage stage = link.stage(BandwidthToxic.TYPE, "rate", 1);
    send(stage, "x".repeat(250));
    stage.onEnd();

    link.advance(100);
    assertThat(link.outputs).extracting(o -> o.text().length()).containsExactly(100);
    link.advance(150);
    assertThat(link.outputs)
        .extracting(FakeLink.Output::atMillis)
        .containsExactly(100L, 200L, 250L);
    assertThat(link.received()).hasSize(250);
    assertThat(link.endAtMillis).isEqualTo(250L);
    assertThat(link.allReleased()).isTrue();
  }

  @Test
  void bandwidthZeroHoldsEverythingUntilTheRateRises() {
    Stage stage = link.stage(BandwidthToxic.TYPE, "rate", 0);
    send(stage, "held");
    link.advance(10_000);
    assertThat(link.outputs).isEmpty();

    stage.update(FakeLink.toxic(BandwidthToxic.TYPE, "rate", 1000));
    link.advance(1);
    assertThat(link.received()).isEqualTo("held");
  }

  @Test
  void slowCloseDelaysOnlyTheEnd() {
    Stage stage = link.stage(SlowCloseToxic.TYPE, "delay", 500);
    send(stage, "data");
    stage.onEnd();
    assertThat(link.received()).isEqualTo("data");
    link.advance(499);
    assertThat(link.endAtMillis).isNull();
    link.advance(1);
    assertThat(link.endAtMillis).isEqualTo(500L);
  }

  @Test
  void timeoutDropsDataClosesOnTimeAndOnRemoval() {
    Stage stage = link.stage(TimeoutToxic.TYPE, "timeout", 300);
    send(stage, "dropped");
    assertThat(link.outputs).isEmpty();
    assertThat(link.discarded).isEqualTo(7);
    link.advance(299);
    assertThat(link.closed).isFalse();
    link.advance(1);
    assertThat(link.closed).isTrue();

    FakeLink other = new FakeLink();
    Stage forever = other.stage(TimeoutToxic.TYPE, "timeout", 0);
    other.advance(100_000);
    assertThat(other.closed).isFalse();
    forever.onRemoved();
    assertThat(other.closed).isTrue();
    assertThat(link.allReleased()).isTrue();
  }

  @Test
  void resetPeerResetsAfterItsTimeoutOnceDataArrives() {
    Stage stage = link.stage(ResetPeerToxic.TYPE, "timeout", 50);
    link.advance(1000);
    assertThat(link.reset).isFalse();
    send(stage, "x");
    link.advance(49);
    assertThat(link.reset).isFalse();
    link.advance(1);
    assertThat(link.reset).isTrue();
    assertThat(link.outputs).isEmpty();
  }

  @Test
  void limitDataPassesItsBytesThenClosesAndKeepsCountingAcrossUpdates() {
    Stage stage = link.stage(LimitDataToxic.TYPE, "bytes", 10);
    send(stage, "0123");
    stage.update(FakeLink.toxic(LimitDataToxic.TYPE, "bytes", 8));
    send(stage, "456789");
    assertThat(link.received()).isEqualTo("01234567");
    assertThat(link.closed).isTrue();
    assertThat(link.allReleased()).isTrue();
  }

  @Test
  void slicerSpacesPiecesByItsDelayAndKeepsTheBytes() {
    Stage stage = link.stage(SlicerToxic.TYPE, "average_size", 4, "delay", 10_000);
    send(stage, "abcdefghijklmnop");
    stage.onEnd();
    link.advance(1000);
    assertThat(link.received()).isEqualTo("abcdefghijklmnop");
    assertThat(link.outputs).hasSize(4);
    assertThat(link.outputs)
        .extracting(FakeLink.Output::atMillis)
        .containsExactly(0L, 10L, 20L, 30L);
    assertThat(link.endAtMillis).isEqualTo(40L);
    assertThat(link.allReleased()).isTrue();
  }
}
