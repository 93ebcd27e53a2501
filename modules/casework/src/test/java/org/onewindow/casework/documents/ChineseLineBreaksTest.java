package org.onewindow.casework.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lines of a notice break as Chinese typesetting breaks them (避头尾). */
class ChineseLineBreaksTest {

    /** Whether a line may end after the character at {@code index}. */
    private static boolean breaksAfter(String text, int index) {
        char[] characters = text.toCharArray();
        return ChineseLineBreaks.INSTANCE.isSplitCharacter(0, index, characters.length, characters, null);
    }

    @Test
    void neverBeforeAClosingMark() {
        assertThat(breaksAfter("规定，决定", 1)).isFalse();
        assertThat(breaksAfter("受理。本", 1)).isFalse();
        assertThat(breaksAfter("条）；依法", 0)).isFalse();
        assertThat(breaksAfter("条）；依法", 1)).isFalse();
    }

    @Test
    void neverAfterAnOpeningMark() {
        assertThat(breaksAfter("根据《中华", 2)).isFalse();
        assertThat(breaksAfter("日（承诺", 1)).isFalse();
    }

    @Test
    void afterAFullWidthClosingMarkAndBetweenIdeographs() {
        assertThat(breaksAfter("规定，决定", 2)).isTrue();
        assertThat(breaksAfter("条）；依法", 2)).isTrue();
        assertThat(breaksAfter("决定予以", 1)).isTrue();
    }

    @Test
    void insideAWebAddressOnlyAfterAPathsSlash() {
        String address = "https://zwfw.huantai.gov.cn/onewindow/progress";
        assertThat(breaksAfter(address, address.indexOf(':'))).isFalse();
        assertThat(breaksAfter(address, address.indexOf("//"))).isFalse();
        assertThat(breaksAfter(address, address.indexOf("/onewindow"))).isTrue();
        assertThat(breaksAfter("3.5个", 1)).isFalse();
    }
}
