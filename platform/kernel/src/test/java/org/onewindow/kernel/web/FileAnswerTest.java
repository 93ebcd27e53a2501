package org.onewindow.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileAnswerTest {

    /** What may stand in a header value: printable ASCII, nothing that ends the line or the quoted name early. */
    private static final String HEADER_SAFE = "[\\x20-\\x7E]+";

    @Test
    void aPlainAsciiNameIsGivenOnceAndTheAnswerIsNeverSniffed() {
        FileAnswer guide = FileAnswer.pdf("guide-MZ-0001");

        assertThat(guide.contentDisposition()).isEqualTo("inline; filename=\"guide-MZ-0001.pdf\"");
        assertThat(guide.headers())
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Content-Disposition", "inline; filename=\"guide-MZ-0001.pdf\"")
                .doesNotContainKey("Content-Type");
        assertThat(guide.mediaType()).isEqualTo("application/pdf");
        assertThat(FileAnswer.attachment("catalog", "xlsx", "application/octet-stream")
                        .contentDisposition())
                .isEqualTo("attachment; filename=\"catalog.xlsx\"");
    }

    @Test
    void aChineseNameTravelsAsUtf8BesideAnAsciiFallback() {
        String disposition = FileAnswer.pdf("受理通知书-370321-20261201-000001").contentDisposition();

        assertThat(disposition)
                .isEqualTo("inline; filename=\"370321-20261201-000001.pdf\"; filename*=UTF-8''"
                        + "%E5%8F%97%E7%90%86%E9%80%9A%E7%9F%A5%E4%B9%A6-370321-20261201-000001.pdf");
        assertThat(decodedName(disposition)).isEqualTo("受理通知书-370321-20261201-000001.pdf");
    }

    @Test
    void aCharacterBeyondTheBasicPlaneIsEncodedWholeAndANameWithNoAsciiFallsBackToFile() {
        String disposition = FileAnswer.inline("𠮷祥", "png", "image/png").contentDisposition();

        assertThat(disposition).isEqualTo("inline; filename=\"file.png\"; filename*=UTF-8''%F0%A0%AE%B7%E7%A5%A5.png");
        assertThat(decodedName(disposition)).isEqualTo("𠮷祥.png");
        // Half of a surrogate pair is no character: it is replaced, never encoded as broken UTF-8.
        assertThat(FileAnswer.pdf("王\ud842").contentDisposition())
                .isEqualTo(FileAnswer.pdf("王").contentDisposition());
    }

    @Test
    void quotesAndLineBreaksCannotEndTheNameOrTheHeader() {
        String disposition =
                FileAnswer.pdf("a\"b\r\nContent-Type: text/html; x=\"y").contentDisposition();

        assertThat(disposition).matches(HEADER_SAFE);
        assertThat(disposition).isEqualTo("inline; filename=\"a_b_Content-Type_text_html_x_y.pdf\"");
        assertThat(disposition.chars().filter(c -> c == '"')).hasSize(2);
        assertThat(FileAnswer.pdf("通知\u0000书\u2028").contentDisposition())
                .matches(HEADER_SAFE)
                .endsWith("filename*=UTF-8''%E9%80%9A%E7%9F%A5_%E4%B9%A6.pdf");
    }

    @Test
    void pathSeparatorsLeaveNoWayOutOfTheDownloadFolder() {
        assertThat(FileAnswer.pdf("../../etc/passwd").contentDisposition())
                .isEqualTo("inline; filename=\"etc_passwd.pdf\"");
        assertThat(FileAnswer.pdf("..\\..\\决定书").contentDisposition())
                .isEqualTo("inline; filename=\"file.pdf\"; filename*=UTF-8''%E5%86%B3%E5%AE%9A%E4%B9%A6.pdf");
        assertThat(FileAnswer.pdf(null).contentDisposition()).isEqualTo("inline; filename=\"file.pdf\"");
        assertThat(FileAnswer.pdf(" ./ ").contentDisposition()).isEqualTo("inline; filename=\"file.pdf\"");
    }

    @Test
    void aLongNameIsCutAtWholeCharacters() {
        String disposition = FileAnswer.pdf("𠮷".repeat(200)).contentDisposition();

        assertThat(decodedName(disposition)).isEqualTo("𠮷".repeat(FileAnswer.NAME_MAX_LENGTH) + ".pdf");
    }

    @Test
    void anExtensionIsLettersAndDigitsOnly() {
        assertThatThrownBy(() -> FileAnswer.inline("x", "pdf\"", "application/pdf"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileAnswer.inline("x", "", "application/pdf"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String decodedName(String disposition) {
        String encoded = disposition.substring(disposition.indexOf("UTF-8''") + "UTF-8''".length());
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
