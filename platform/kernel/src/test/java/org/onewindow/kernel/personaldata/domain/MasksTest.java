package org.onewindow.kernel.personaldata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names and phone numbers shown where the full value is not needed. */
class MasksTest {

    @Test
    void aNameKeepsItsFirstCharacter() {
        assertThat(Masks.name("张三")).isEqualTo("张*");
        assertThat(Masks.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masks.name(" 李四 ")).isEqualTo("李*");
        assertThat(Masks.name("王")).isEqualTo("*");
        assertThat(Masks.name("")).isEmpty();
        assertThat(Masks.name(null)).isEmpty();
    }

    @Test
    void aCharacterOutsideTheBasicPlaneCountsAsOne() {
        assertThat(Masks.name("𠮷田")).isEqualTo("𠮷*");
        assertThat(Masks.name("王𠮷祥")).isEqualTo("王**");
    }

    @Test
    void aMobileNumberShowsItsFirstThreeAndLastFourDigits() {
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.phone("0533-8211234")).isEqualTo("********1234");
        assertThat(Masks.phone("110")).isEqualTo("***");
        assertThat(Masks.phone(null)).isEmpty();
    }
}
