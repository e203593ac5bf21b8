package dev.chaos4j.proxy.toxic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the slicer cuts a chunk: pieces near the average size, never empty, covering it all. */
class SlicerToxicTest {

  private static SlicerToxic slicer(long average, long variation) {
    return (SlicerToxic)
        SlicerToxic.TYPE.create(
            SlicerToxic.TYPE
                .defaults()
                .with("average_size", average)
                .with("size_variation", variation));
  }

  private static List<Integer> pieces(SlicerToxic slicer, int length) {
    SlicerToxic.IntList ends = new SlicerToxic.IntList();
    slicer.cut(0, length, ends);
    int[] sizes = new int[ends.size()];
    int start = 0;
    for (int i = 0; i < ends.size(); i++) {
      sizes[i] = ends.get(i) - start;
      start = ends.get(i);
    }
    assertThat(start).isEqualTo(length);
    return Arrays.stream(sizes).boxed().toList();
  }

  @Test
  void piecesStayNearTheAverageSize() {
    for (int run = 0; run < 50; run++) {
      assertThat(pieces(slicer(10, 3), 1000)).allSatisfy(size -> assertThat(size).isBetween(4, 13));
    }
  }

  @Test
  void attributesThatCrashToxiproxyStillGiveNonEmptyPieces() {
    assertThat(pieces(slicer(0, 0), 5)).containsExactly(1, 1, 1, 1, 1);
    assertThat(pieces(slicer(1, 50), 200)).allSatisfy(size -> assertThat(size).isPositive());
  }
}
