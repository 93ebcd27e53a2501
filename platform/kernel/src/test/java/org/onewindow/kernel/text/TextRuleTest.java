package org.onewindow.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.Messages;

/** The one text rule: what is refused, what is kept exactly, what is cleaned, and how the refusal reads. */
class TextRuleTest {

    private static final TextField NAME = TextField.line(50);

    @Test
    void rareCharactersOfRealNamesFullWidthSpacesInsideAndMixedScriptsAreKeptExactly() {
        for (String text : List.of(
                "𠮷家村", // U+20BB7, Extension B
                "𪚥", // U+2A6A5, Extension B
                "华沟村　第二村民小组", // a full-width space inside stays
                "Ürümqi 乌鲁木齐 ئۈرۈمچی", // Latin with diacritics, Chinese, Uyghur
                "兀嗀", // U+FA0C, U+FA0D: CJK compatibility ideographs GB 18030 has, kept as written
                "👩‍👩‍👧 ☎ 0533-1234567")) { // emoji with zero-width joiners, a symbol
            assertThat(TextRule.clean("name", text, NAME)).as(text).isEqualTo(text);
        }
    }

    @Test
    void lengthIsCountedInCodePointsSoFiftyRareCharactersFitAFiftyCharacterField() {
        String fifty = "𠮷".repeat(50);
        assertThat(fifty.length()).isEqualTo(100);
        assertThat(TextRule.clean("name", fifty, NAME)).isEqualTo(fifty);

        TextRefusedException refused =
                (TextRefusedException) catchRefusal(() -> TextRule.clean("name", fifty + "村", NAME));
        assertThat(refused.key()).isEqualTo("text.too-long");
        assertThat(refused.arguments()).containsExactly("name", 50, 51);
    }

    @Test
    void spacesAtTheEndsAreTrimmedAsciiAndFullWidthAlike() {
        assertThat(TextRule.clean("name", " \u3000华沟村\u3000 \t", NAME)).isEqualTo("华沟村");
        assertThat(TextRule.clean("name", "\u00A0\u200B\uFEFF华沟村\u00A0", NAME)).isEqualTo("华沟村");
        assertThat(TextRule.clean("name", "\u3000\u3000", NAME)).isEmpty();
        assertThat(TextRule.clean("name", null, NAME)).isNull();
    }

    @Test
    void decomposedTextIsStoredComposedButCompatibilityIdeographsStayAsWritten() {
        assertThat(TextRule.clean("name", "Lu\u0308", NAME)).isEqualTo("Lü");
        assertThat(TextRule.clean("name", "lu\u0308\u0300 \uFA0C", NAME)).isEqualTo("lǜ \uFA0C");
        assertThat(TextRule.clean("name", "\uF9DC\u0041\u030A", NAME)).isEqualTo("\uF9DCÅ");
    }

    @Test
    void severalLinesKeepTabsAndOneKindOfLineBreak() {
        TextField note = TextField.lines(500);
        assertThat(TextRule.clean("note", "第一行\r\n第二行\r第三行\n\t缩进", note)).isEqualTo("第一行\n第二行\n第三行\n\t缩进");
    }

    @Test
    void aPasswordIsRefusedLikeAnyTextButNeverTrimmedOrNormalised() {
        TextField secret = TextField.secret(200);
        assertThat(TextRule.clean("password", " Lu\u0308 pass\u3000", secret)).isEqualTo(" Lu\u0308 pass\u3000");
        assertThat(catchRefusal(() -> TextRule.clean("password", "pass\u0000word", secret))
                        .key())
                .isEqualTo("text.control");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F})
    void everyControlCharacterIsRefusedWithItsPosition(int control) {
        TextRefusedException refused = catchRefusal(() -> TextRule.clean("name", "华沟" + (char) control + "村", NAME));
        assertThat(refused.key()).isEqualTo("text.control");
        assertThat(refused.arguments()).containsExactly("name", 3, TextRule.codePoint(control));
    }

    @Test
    void tabsAndLineBreaksAreRefusedInOneLine() {
        for (String text : List.of("华沟\n村", "华沟\t村", "华沟\r村", "华沟\u2028村")) {
            assertThat(catchRefusal(() -> TextRule.clean("name", text, NAME)).key())
                    .as(text)
                    .isEqualTo("text.line-break");
        }
    }

    @Test
    void aLoneSurrogateIsRefusedEitherHalfAnywhere() {
        for (String text : List.of("\uD800", "华\uD800村", "华\uDC00", "\uDFFF华", "𠮷\uD842")) {
            assertThat(catchRefusal(() -> TextRule.clean("name", text, NAME)).key())
                    .as(text)
                    .isEqualTo("text.surrogate");
        }
        // The position counts a whole pair as one character: 𠮷 is the first, the lone half the second.
        assertThat(catchRefusal(() -> TextRule.clean("name", "𠮷\uD842", NAME)).arguments())
                .containsExactly("name", 2, "U+D842");
    }

    @Test
    void nonCharactersAndTheReplacementCharacterAreRefused() {
        for (int nonCharacter : new int[] {0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE, 0x10FFFF}) {
            String text = "华" + Character.toString(nonCharacter);
            TextRefusedException refused = catchRefusal(() -> TextRule.clean("name", text, NAME));
            assertThat(refused.key()).as("U+%X", nonCharacter).isEqualTo("text.noncharacter");
            assertThat(refused.arguments()).containsExactly("name", 2, TextRule.codePoint(nonCharacter));
        }
        assertThat(catchRefusal(() -> TextRule.clean("name", "�家村", NAME)).key())
                .isEqualTo("text.replacement");
    }

    @Test
    void positionsCountWhatWasSentIncludingTheTrimmedSpaces() {
        assertThat(catchRefusal(() -> TextRule.clean("name", "\u3000 华\u0000", NAME))
                        .arguments())
                .containsExactly("name", 4, "U+0000");
    }

    @Test
    void theRefusalNamesTheFieldAndTheRuleInChineseAndEnglish() {
        TextRefusedException refused = catchRefusal(() -> TextRule.clean("displayName", "张\u0000三", NAME));
        assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, refused))
                .isEqualTo("displayName：第2个字符是控制字符 U+0000，不能保存；请删除后重新输入");
        assertThat(Messages.format(Locale.ENGLISH, refused))
                .isEqualTo("displayName: character 2 is the control character U+0000, which cannot be stored;"
                        + " delete it and type the text again");
        TextRefusedException tooLong = catchRefusal(() -> TextRule.clean("displayName", "张".repeat(57), NAME));
        assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, tooLong)).isEqualTo("displayName最多50个字，现有57个字");
        assertThat(Messages.format(Locale.ENGLISH, tooLong))
                .isEqualTo("displayName takes at most 50 characters; this has 57");
    }

    @Test
    void severalRefusalsAreOneExceptionThatListsEach() {
        List<TextProblem> problems = List.of(
                TextRule.check("a", "\u0000", NAME).problem(),
                TextRule.check("b", "\uD800", NAME).problem());
        TextRefusedException refused = catchRefusal(() -> TextRule.refuseAny(problems));
        assertThat(refused.problems()).extracting(TextProblem::field).containsExactly("a", "b");
        assertThat(Messages.format(Locale.ENGLISH, refused))
                .isEqualTo("2 texts in the request cannot be stored; see the entries of errors");
    }

    private static TextRefusedException catchRefusal(Runnable call) {
        try {
            call.run();
        } catch (TextRefusedException refused) {
            return refused;
        }
        throw new AssertionError("expected a TextRefusedException");
    }
}
