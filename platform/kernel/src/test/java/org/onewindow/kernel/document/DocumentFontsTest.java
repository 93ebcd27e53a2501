package org.onewindow.kernel.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.document.DocumentFonts.Face;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A village clerk prints a notice for 吉(𠮷)家庄 whose text mixes every plane the product stores: each character comes
 * back out of the PDF, English keeps its word spaces, and a character no font has is marked, not lost.
 */
class DocumentFontsTest {

    /** Text from every plane the product accepts, with the Unicode block of each sample. */
    static final List<String> SAMPLES = List.of(
            "Service guide", // ASCII
            "Café Müller Ñandú", // Latin-1 accents
            "中华人民共和国", // CJK Unified Ideographs
            "㐀䶵", // Extension A
            "𠮷𡈽", // Extension B, in HanaMin A and B
            "𠀁𪛖", // Extension B, in HanaMin B only
            "𫝀𬺰", // Extensions D and F
            "\uF900\uFA0E\uD87E\uDC00", // compatibility ideographs, BMP and plane 2 (豈 﨎 丽)
            "，。（）、《》　", // full-width punctuation and the ideographic space
            "①℃✓↑…“”·", // symbols
            "👍" // an emoji HanaMin A has
            );

    static final DocumentFonts FONTS = DocumentFonts.standard();

    @Test
    void theBundledChainEmbedsLatinCjkWithItsExtensionsAndSymbols() {
        // Fails where the build could not fetch HanaMin (see src/build/hanazono-fonts.sh): such a build prints 𠮷 as 〓.
        assertThat(FONTS.faces()).containsExactly(Face.LATIN, Face.CJK, Face.CJK_EXTENSION, Face.SYMBOLS);
    }

    @Test
    void everyCharacterOfEveryPlaneIsPrintedInTitleAndBodyAndReadsBack() throws Exception {
        String all = String.join(" ", SAMPLES);

        String text = textOf(render("every-plane", "𠮷家庄 " + all, all + "\n第二行 second line"));

        for (String sample : SAMPLES) {
            sample.codePoints()
                    .filter(c -> c != '\u3000')
                    .forEach(c -> assertThat(text).as("U+%04X", c).contains(Character.toString(c)));
        }
        assertThat(text)
                .doesNotContain(DocumentFonts.SUBSTITUTE)
                .contains("𠮷家庄")
                .contains("second line");
    }

    @Test
    void englishWordsKeepTheirSpaces() throws Exception {
        String text = textOf(render("english", "Service guide", "Apply at the town service centre, window 3."));

        assertThat(text).contains("Service guide").contains("Apply at the town service centre, window 3.");
    }

    @Test
    void eachCharacterGoesToTheFirstFaceThatHasItAndSpacesStayWithTheirWord() {
        assertThat(FONTS.runs("Service guide 𠮷家庄 𠀁 ✓ ↑"))
                .containsExactly(
                        new TextRun(Face.LATIN, "Service guide "),
                        new TextRun(Face.CJK, "𠮷家庄 "),
                        new TextRun(Face.CJK_EXTENSION, "𠀁 "),
                        new TextRun(Face.CJK, "✓ "),
                        new TextRun(Face.LATIN, "↑"));
        assertThat(FONTS.runs("")).isEmpty();
        assertThat(FONTS.runs(null)).isEmpty();
    }

    @Test
    void aCharacterNoFontHasBecomesTheVisibleSubstituteAndIsLoggedOnce() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = capture(records);
        try {
            // 🧡 U+1F9E1 and Extension G's 𰀀 U+30000 are in none of the fonts; U+E000 is private use.
            String text = "橙心🧡 𰀀 \uE000";

            assertThat(FONTS.runs(text)).containsExactly(new TextRun(Face.CJK, "橙心〓 〓 〓"));
            FONTS.runs(text);
            assertThat(textOf(render("substitute", "𰀀", text))).contains("橙心〓 〓 〓");
        } finally {
            Logger.getLogger(DocumentFonts.class.getName()).removeHandler(handler);
        }
        assertThat(records)
                .extracting(LogRecord::getMessage)
                .filteredOn(message -> message.contains("U+1F9E1"))
                .hasSize(1);
        assertThat(records).extracting(LogRecord::getMessage).anyMatch(message -> message.contains("U+30000"));
    }

    @Test
    void controlCharactersVariationSelectorsAndLoneSurrogatesNeverBreakPrinting() throws Exception {
        // An ideographic variation sequence (𠮷 + U+E0100), a carriage return, a bell and a lone high surrogate.
        String text = "𠮷\uDB40\uDD00村\r\n第二行\u0007 \uD842";

        assertThat(FONTS.runs(text)).containsExactly(new TextRun(Face.CJK, "𠮷村\n第二行 〓"));
        assertThat(textOf(render("controls", text, text))).contains("𠮷村").contains("第二行");
    }

    @Test
    void documentsPrintedAtTheSameTimeEachGetTheirOwnCharacters() throws Exception {
        // The fonts are shared by every request; each document embeds its own subset.
        List<String> names = List.of("𠮷家庄 Alpha", "𡈽村 Beta", "𠀁屯 Gamma", "㐀寨 Delta");
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(names.size())) {
            List<java.util.concurrent.Future<String>> texts = new ArrayList<>();
            for (String name : names) {
                texts.add(pool.submit(() -> textOf(render(null, name, name + " 受理凭证 receipt"))));
            }
            for (int i = 0; i < names.size(); i++) {
                assertThat(texts.get(i).get()).contains(names.get(i) + " 受理凭证 receipt");
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    static byte[] render(String name, String title, String body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new PageFooter(FONTS, TextStyle.of(8.5f, Color.GRAY), "页脚 footer 𠮷"));
        document.open();
        document.add(new Paragraph(FONTS.phrase(title, new TextStyle(18, true, Color.RED))));
        document.add(new Paragraph(FONTS.phrase(body, TextStyle.of(10.5f, Color.BLACK))));
        document.close();
        byte[] pdf = out.toByteArray();
        if (name == null) {
            return pdf;
        }
        Path file = Path.of("target", "document-fonts-" + name + ".pdf");
        Files.createDirectories(file.getParent());
        Files.write(
                file, pdf); // for a person to look at: pdftoppm -png -r 60 target/document-fonts-every-plane.pdf /tmp/x
        return pdf;
    }

    static String textOf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static Handler capture(List<LogRecord> records) {
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger.getLogger(DocumentFonts.class.getName()).addHandler(handler);
        return handler;
    }
}
