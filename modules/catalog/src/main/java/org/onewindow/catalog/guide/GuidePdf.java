package org.onewindow.catalog.guide;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Prints a {@link ServiceGuide} as an A4 PDF, the same content as the guide page.
 *
 * <p>Chinese uses the standard CJK font STSong-Light with the UniGB-UCS2-H CMap, whose metrics and CMaps ship inside
 * OpenPDF. The font is not embedded: every PDF reader has or substitutes the Adobe-GB1 fonts, and the file needs
 * no font from Maven, the server's disk or the network. Text stays extractable (copy, search, screen readers)
 * because the CMap maps each code back to Unicode.
 */
public final class GuidePdf {

    private static final Color RED = new Color(0xa6, 0x1b, 0x29);
    private static final Color GREY = new Color(0x6b, 0x72, 0x80);
    private static final Color LINE = new Color(0xd1, 0xd5, 0xdb);
    private static final Color SHADE = new Color(0xf4, 0xf6, 0xf9);
    private static final Color HELD = new Color(0x15, 0x80, 0x3d);

    private GuidePdf() {}

    public static byte[] render(ServiceGuide guide) {
        BaseFont song = chinese();
        Font title = new Font(song, 18, Font.BOLD, RED);
        Font heading = new Font(song, 12.5f, Font.BOLD, RED);
        Font body = new Font(song, 10.5f, Font.NORMAL, Color.BLACK);
        Font label = new Font(song, 10.5f, Font.NORMAL, GREY);
        Font small = new Font(song, 8.5f, Font.NORMAL, GREY);
        Font held = new Font(song, 9.5f, Font.NORMAL, HELD);
        GuideText text = GuideText.of(guide.locale());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new Footer(
                new Font(song, 8.5f, Font.NORMAL, GREY), text.text("guide.footer", guide.standardVersion())));
        document.addTitle(guide.itemName() + " " + text.text("guide.title"));
        document.addSubject(text.text("guide.place", guide.tenantName(), guide.tenantCode()));
        // Screen readers and text-to-speech pick the language from the catalog's /Lang.
        writer.getExtraCatalog()
                .put(PdfName.LANG, new PdfString(guide.locale().getLanguage().equals("en") ? "en" : "zh-CN"));
        document.open();

        Paragraph name = new Paragraph(guide.itemName(), title);
        name.setAlignment(Element.ALIGN_CENTER);
        name.setSpacingAfter(4);
        document.add(name);
        Paragraph place = new Paragraph(
                text.text("guide.title") + "\u3000" + text.text("guide.place", guide.tenantName(), guide.tenantCode()),
                small);
        place.setAlignment(Element.ALIGN_CENTER);
        place.setSpacingAfter(10);
        document.add(place);

        sections(document, guide.sectionsBeforeMaterials(), heading, body, label, small);
        materials(document, guide, text, heading, body, label, small, held);
        sections(document, guide.sectionsAfterMaterials(), heading, body, label, small);
        document.close();
        return out.toByteArray();
    }

    private static void sections(
            Document document, List<ServiceGuide.Section> sections, Font heading, Font body, Font label, Font small) {
        for (ServiceGuide.Section section : sections) {
            document.add(heading(section.title(), heading));
            PdfPTable facts = new PdfPTable(new float[] {1.1f, 4f});
            facts.setWidthPercentage(100);
            for (ServiceGuide.Fact fact : section.facts()) {
                facts.addCell(cell(new Phrase(fact.label(), label), SHADE));
                Phrase values = new Phrase();
                for (int i = 0; i < fact.values().size(); i++) {
                    String prefix = fact.values().size() > 1 ? (i + 1) + ". " : "";
                    values.add(new Phrase(
                            (i > 0 ? "\n" : "") + prefix + fact.values().get(i), body));
                }
                if (!fact.local().isEmpty()) {
                    values.add(new Phrase("（" + fact.local() + "）", small));
                }
                facts.addCell(cell(values, null));
            }
            document.add(facts);
        }
    }

    private static void materials(
            Document document,
            ServiceGuide guide,
            GuideText text,
            Font heading,
            Font body,
            Font label,
            Font small,
            Font held) {
        document.add(heading(text.text("section.materials"), heading));
        if (guide.materials().isEmpty()) {
            document.add(new Paragraph(text.text("material.none"), body));
            return;
        }
        PdfPTable table = new PdfPTable(new float[] {0.35f, 2.2f, 0.9f, 0.5f, 1f, 2.4f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String column : new String[] {
            "#", "material.name", "material.form", "material.copies", "material.mandatory", "material.sources"
        }) {
            table.addCell(cell(new Phrase(column.equals("#") ? "#" : text.text(column), label), SHADE));
        }
        int number = 1;
        for (ServiceGuide.Material material : guide.materials()) {
            table.addCell(cell(new Phrase(String.valueOf(number++), body), null));
            Phrase name = new Phrase(material.name(), body);
            if (material.local()) {
                name.add(new Phrase("（" + text.text("material.local") + "）", small));
            }
            if (!material.note().isBlank()) {
                name.add(new Phrase("\n" + material.note(), small));
            }
            table.addCell(cell(name, null));
            table.addCell(cell(new Phrase(material.form(), body), null));
            table.addCell(cell(new Phrase(String.valueOf(material.copies()), body), null));
            table.addCell(cell(new Phrase(material.mandatoryText(), body), null));
            Phrase source = new Phrase();
            if (material.governmentHolds()) {
                source.add(new Phrase(text.text("material.governmentHolds") + "\n", held));
            }
            source.add(new Phrase(material.sources(), small));
            table.addCell(cell(source, null));
        }
        document.add(table);
    }

    private static Paragraph heading(String title, Font font) {
        Paragraph heading = new Paragraph(title, font);
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(5);
        return heading;
    }

    private static PdfPCell cell(Phrase content, Color background) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorderColor(LINE);
        cell.setPadding(5);
        cell.setLeading(0, 1.35f);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    private static BaseFont chinese() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard version and page number at the foot of every page, as on a printed notice. */
    private static final class Footer extends PdfPageEventHelper {
        private final Font font;
        private final String note;

        Footer(Font font, String note) {
            this.font = font;
            this.note = note;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            ColumnText.showTextAligned(
                    canvas, Element.ALIGN_LEFT, new Phrase(note, font), document.left(), page.getBottom() + 30, 0);
            ColumnText.showTextAligned(
                    canvas,
                    Element.ALIGN_RIGHT,
                    new Phrase(String.valueOf(writer.getPageNumber()), font),
                    document.right(),
                    page.getBottom() + 30,
                    0);
        }
    }
}
