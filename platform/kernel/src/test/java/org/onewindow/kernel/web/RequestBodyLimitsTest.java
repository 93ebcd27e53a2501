package org.onewindow.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestBodyLimitsTest {

    @Test
    void depthCountsNestedObjectsAndArrays() {
        assertThat(RequestBodyLimits.depth("1")).isZero();
        assertThat(RequestBodyLimits.depth("{}")).isEqualTo(1);
        assertThat(RequestBodyLimits.depth("{\"a\":[{\"b\":[]},[1]],\"c\":{}}")).isEqualTo(4);
        assertThat(RequestBodyLimits.depth("[".repeat(100_000))).isEqualTo(100_000);
    }

    @Test
    void bracketsInsideStringsAndEscapedQuotesDoNotCount() {
        assertThat(RequestBodyLimits.depth("{\"name\":\"[[[{{{\"}")).isEqualTo(1);
        assertThat(RequestBodyLimits.depth("{\"name\":\"a\\\"[[[\\\\\",\"x\":[]}"))
                .isEqualTo(2);
        assertThat(RequestBodyLimits.depth("[\"起凤镇[村]\"]")).isEqualTo(1);
    }
}
