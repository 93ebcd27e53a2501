package org.onewindow.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {

    private final List<Integer> thousand = IntStream.range(0, 1000).boxed().toList();

    @Test
    void aSizeBeyondTheMaximumAnswersTheMaximum() {
        Page page = new Page(0, 1_000_000);

        assertThat(page.size()).isEqualTo(Page.MAX_SIZE);
        assertThat(page.of(thousand)).hasSize(Page.MAX_SIZE).startsWith(0, 1, 2);
    }

    @Test
    void aPageStartsAtFirstAndEndsWithTheList() {
        assertThat(new Page(990, 50).of(thousand)).containsExactly(990, 991, 992, 993, 994, 995, 996, 997, 998, 999);
        assertThat(new Page(1000, 50).of(thousand)).isEmpty();
        assertThat(new Page(5000, 50).of(thousand)).isEmpty();
    }

    @Test
    void nonsenseBoundsReadAsTheNearestSensibleOnes() {
        assertThat(new Page(-7, 0)).isEqualTo(new Page(0, 1));
        assertThat(new Page(Integer.MIN_VALUE, Integer.MIN_VALUE).of(thousand)).containsExactly(0);
        assertThat(new Page(Integer.MAX_VALUE, Integer.MAX_VALUE).of(thousand)).isEmpty();
    }
}
