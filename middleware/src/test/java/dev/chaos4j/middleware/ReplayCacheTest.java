package dev.chaos4j.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bounded memory of used signatures. */
class ReplayCacheTest {

  @Test
  void aSignatureWorksOnce() {
    ReplayCache cache = new ReplayCache(10);

    assertThat(cache.firstUse("a", 100, 50)).isEqualTo(ReplayCache.Use.FIRST);
    assertThat(cache.firstUse("a", 100, 51)).isEqualTo(ReplayCache.Use.REPLAYED);
  }

  @Test
  void whenFullItForgetsExpiredSignaturesFirst() {
    ReplayCache cache = new ReplayCache(2);
    cache.firstUse("old", 10, 5);
    cache.firstUse("current", 100, 5);

    assertThat(cache.firstUse("new", 100, 50)).isEqualTo(ReplayCache.Use.FIRST);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void whenFullOfLiveSignaturesItRefusesNewOnesRatherThanForgetting() {
    ReplayCache cache = new ReplayCache(2);
    cache.firstUse("a", 100, 5);
    cache.firstUse("b", 100, 5);

    assertThat(cache.firstUse("c", 100, 6)).isEqualTo(ReplayCache.Use.FULL);
    assertThat(cache.firstUse("a", 100, 6)).isEqualTo(ReplayCache.Use.REPLAYED);
  }
}
