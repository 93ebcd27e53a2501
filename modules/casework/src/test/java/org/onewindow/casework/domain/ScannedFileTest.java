package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** A scan is what its bytes are: PDF, JPEG or PNG by their magic numbers, whatever its name or declared type. */
class ScannedFileTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000ffd9");
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452");

    @Test
    void eachTypeIsKnownByItsFirstBytes() {
        assertThat(ScanType.sniff(PDF)).contains(ScanType.PDF);
        assertThat(ScanType.sniff(JPEG)).contains(ScanType.JPEG);
        assertThat(ScanType.sniff(PNG)).contains(ScanType.PNG);
        assertThat(ScanType.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ScanType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}))
                .as("shorter than the magic")
                .isEmpty();
        assertThat(ScanType.sniff(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
                .as("the magic must come first")
                .isEmpty();
    }

    @Test
    void aScanKeepsItsContentTypeSizeAndSha256() {
        ScannedFile file = ScannedFile.of("C:\\扫描\\户口簿.png", "image/png", PNG);

        assertThat(file.type()).isEqualTo(ScanType.PNG);
        assertThat(file.type().mediaType()).isEqualTo("image/png");
        assertThat(file.sizeBytes()).isEqualTo(16);
        // sha256sum of the same 16 bytes
        assertThat(file.sha256()).isEqualTo("02a3e298f1533f62558c58e4c70edcab9af5a50d62d925fd5390942020fb0fb8");
        assertThat(file.reference()).isEqualTo("sha256:02a3e298f153");
        assertThat(file.fileName()).as("the path is dropped").isEqualTo("户口簿.png");
    }

    @Test
    void theContentDecidesWhenNoTypeIsDeclaredAndAliasesCountAsTheirType() {
        assertThat(ScannedFile.of(null, null, JPEG).type()).isEqualTo(ScanType.JPEG);
        assertThat(ScannedFile.of("x", "application/octet-stream", PDF).type()).isEqualTo(ScanType.PDF);
        assertThat(ScannedFile.of("x.jpg", "image/jpg", JPEG).type()).isEqualTo(ScanType.JPEG);
        assertThat(ScannedFile.of("x.pdf", "Application/PDF; name=x.pdf", PDF).type())
                .isEqualTo(ScanType.PDF);
    }

    @Test
    void aFileThatIsNotWhatItClaimsIsRefused() {
        DomainException mismatch = refusal("发票.pdf", "application/pdf", PNG);
        assertThat(mismatch.key()).isEqualTo("casework.upload.type.mismatch");
        assertThat(mismatch.arguments()).containsExactly("PDF", "PNG");
        assertThat(mismatch.kind()).isEqualTo(DomainException.Kind.INVALID);

        // A text file renamed to .pdf and sent as a PDF: its content is no scan at all.
        assertThat(refusal("声明.pdf", "application/pdf", "申请书".getBytes(StandardCharsets.UTF_8))
                        .key())
                .isEqualTo("casework.upload.content.unknown");
        assertThat(refusal("a.gif", null, "GIF89a....".getBytes(StandardCharsets.US_ASCII))
                        .key())
                .isEqualTo("casework.upload.content.unknown");
    }

    @Test
    void anEmptyFileOrAnotherDeclaredTypeIsRefused() {
        assertThat(refusal("a.pdf", "application/pdf", new byte[0]).key()).isEqualTo("casework.upload.empty");
        DomainException unsupported = refusal("a.docx", "application/msword", PDF);
        assertThat(unsupported.key()).isEqualTo("casework.upload.type.unsupported");
        assertThat(unsupported.arguments()).containsExactly("application/msword");
    }

    @Test
    void aFileNameLosesControlCharactersAndKeepsItsEnd() {
        assertThat(ScannedFile.cleanName("a\u0000b\n.pdf")).isEqualTo("ab.pdf");
        assertThat(ScannedFile.cleanName("/tmp/ ")).isNull();
        String longName = "长".repeat(300) + ".pdf";
        assertThat(ScannedFile.cleanName(longName))
                .hasSize(ScannedFile.FILE_NAME_MAX_LENGTH)
                .endsWith(".pdf");
    }

    @Test
    void attachingAScanMarksTheMaterialAndPutsItOnTheTimeline() {
        Clock clock = Fixtures.at("2026-12-01T10:00");
        Case accepted = Fixtures.inState(CaseState.IN_REVIEW);
        int steps = accepted.steps().size();
        ScannedFile file = ScannedFile.of("户口簿.jpg", "image/jpeg", JPEG);

        accepted.attachScan("HOUSEHOLD_REGISTER", file, Fixtures.REVIEWER, clock);

        assertThat(accepted.state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(accepted.marks().get("HOUSEHOLD_REGISTER")).isEqualTo(MaterialMark.scanned(file.reference()));
        assertThat(accepted.steps()).hasSize(steps + 1);
        CaseStep step = accepted.steps().get(steps);
        assertThat(step.action()).isEqualTo(CaseAction.ATTACH_SCAN);
        assertThat(step.opinion()).isEqualTo("居民户口簿 · " + file.reference());
    }

    @Test
    void aMaterialTheItemDoesNotAskForIsNotFoundAndNothingChanges() {
        Case received = Fixtures.received(Fixtures.at("2026-12-01T10:00"));
        int steps = received.steps().size();

        DomainException refused = catchThrowableOfType(
                DomainException.class,
                () -> received.attachScan(
                        "NO_SUCH", ScannedFile.of(null, null, PDF), Fixtures.CLERK, Fixtures.at("2026-12-01T10:00")));

        assertThat(refused.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(refused.key()).isEqualTo("casework.material.not.found");
        assertThat(refused.arguments()).containsExactly("NO_SUCH", "最低生活保障申请");
        assertThat(received.marks()).isEmpty();
        assertThat(received.steps()).hasSize(steps);
    }

    private static DomainException refusal(String name, String declared, byte[] content) {
        return catchThrowableOfType(DomainException.class, () -> ScannedFile.of(name, declared, content));
    }
}
