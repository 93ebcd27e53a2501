package org.onewindow.catalog.guide;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.onewindow.kernel.document.DocumentFonts;
import org.onewindow.kernel.document.PageFooter;
import org.onewindow.kernel.document.TextStyle;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Prints a {@link ServiceGuide} as an A4 PDF, the same content as the guide page.
 *
 * <p>Text goes through the kernel's {@link DocumentFonts} chain, embedded as subsets: every character an item may hold
 * is printed, CJK Extension B in names (𠮷) included, English keeps proportional Latin with real word spaces, and
 * the text stays extractable (copy, search, screen readers). A character no font has prints as 〓, never a failure.
 */
public final class GuidePdf {

    private static final Color RED = new Color(0xa6, 0x1b, 0x29);
    private static final Color GREY = new Color(0x6b, 0x72, 0x80);
    private static final Color LINE = new Color(0xd1, 0xd5, 0xdb);
    private static final Color SHADE = new Color(0xf4, 0xf6, 0xf9);
    private static final Color HELD = new Color(0x15, 0x80, 0x3d);

    private GuidePdf() {}

    /** Sizes in points and colours of the guide's kinds of text. */
    private record Styles(
            TextStyle title, TextStyle heading, TextStyle body, TextStyle label, TextStyle small, TextStyle held) {
        static final Styles GUIDE = new Styles(
                new TextStyle(18, true, RED),
                new TextStyle(12.5f, true, RED),
                TextStyle.of(10.5f, Color.BLACK),
                TextStyle.of(10.5f, GREY),
                TextStyle.of(8.5f, GREY),
                TextStyle.of(9.5f, HELD));
    }

    public static byte[] render(ServiceGuide guide) {
        DocumentFonts fonts = DocumentFonts.standard();
        Styles styles = Styles.GUIDE;
        GuideText text = GuideText.of(guide.locale());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new PageFooter(fonts, styles.small(), text.text("guide.footer", guide.standardVersion())));
        document.addTitle(guide.itemName() + " " + text.text("guide.title"));
        document.addSubject(text.text("guide.place", guide.tenantName(), guide.tenantCode()));
        // Screen readers and text-to-speech pick the language from the catalog's /Lang.
        writer.getExtraCatalog()
                .put(PdfName.LANG, new PdfString(guide.locale().getLanguage().equals("en") ? "en" : "zh-CN"));
        document.open();

        Paragraph name = new Paragraph(fonts.phrase(guide.itemName(), styles.title()));
        name.setAlignment(Element.ALIGN_CENTER);
        name.setSpacingAfter(4);
        document.add(name);
        Paragraph place = new Paragraph(fonts.phrase(
                text.text("guide.title") + "\u3000" + text.text("guide.place", guide.tenantName(), guide.tenantCode()),
                styles.small()));
        place.setAlignment(Element.ALIGN_CENTER);
        place.setSpacingAfter(10);
        document.add(place);

        sections(document, fonts, styles, guide.sectionsBeforeMaterials());
        materials(document, fonts, styles, guide, text);
        sections(document, fonts, styles, guide.sectionsAfterMaterials());
        document.close();
        return out.toByteArray();
    }

    private static void sections(
            Document document, DocumentFonts fonts, Styles styles, List<ServiceGuide.Section> sections) {
        for (ServiceGuide.Section section : sections) {
            document.add(heading(fonts.phrase(section.title(), styles.heading())));
            boolean labelled = !section.labelRepeatsTitle();
            PdfPTable facts = labelled ? new PdfPTable(new float[] {1.1f, 4f}) : new PdfPTable(1);
            facts.setWidthPercentage(100);
            for (ServiceGuide.Fact fact : section.facts()) {
                if (labelled) {
                    facts.addCell(cell(fonts.phrase(fact.label(), styles.label()), SHADE));
                }
                Phrase values = new Phrase(styles.body().leadingPoints());
                for (int i = 0; i < fact.values().size(); i++) {
                    String prefix = fact.values().size() > 1 ? (i + 1) + ". " : "";
                    values.add(fonts.phrase(
                            (i > 0 ? "\n" : "") + prefix + fact.values().get(i), styles.body()));
                }
                if (!fact.local().isEmpty()) {
                    values.add(fonts.phrase("（" + fact.local() + "）", styles.small()));
                }
                facts.addCell(cell(values, null));
            }
            document.add(facts);
        }
    }

    private static void materials(
            Document document, DocumentFonts fonts, Styles styles, ServiceGuide guide, GuideText text) {
        document.add(heading(fonts.phrase(text.text("section.materials"), styles.heading())));
        if (guide.materials().isEmpty()) {
            document.add(new Paragraph(fonts.phrase(text.text("material.none"), styles.body())));
            return;
        }
        PdfPTable table = new PdfPTable(new float[] {0.35f, 2.2f, 0.9f, 0.5f, 1f, 2.4f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String column : new String[] {
            "#", "material.name", "material.form", "material.copies", "material.mandatory", "material.sources"
        }) {
            table.addCell(cell(fonts.phrase(column.equals("#") ? "#" : text.text(column), styles.label()), SHADE));
        }
        int number = 1;
        for (ServiceGuide.Material material : guide.materials()) {
            table.addCell(cell(fonts.phrase(String.valueOf(number++), styles.body()), null));
            Phrase name = fonts.phrase(material.name(), styles.body());
            if (material.local()) {
                name.add(fonts.phrase("（" + text.text("material.local") + "）", styles.small()));
            }
            if (!material.note().isBlank()) {
                name.add(fonts.phrase("\n" + material.note(), styles.small()));
            }
            table.addCell(cell(name, null));
            table.addCell(cell(fonts.phrase(material.form(), styles.body()), null));
            table.addCell(cell(fonts.phrase(String.valueOf(material.copies()), styles.body()), null));
            table.addCell(cell(fonts.phrase(material.mandatoryText(), styles.body()), null));
            Phrase source = new Phrase(styles.small().leadingPoints());
            if (material.governmentHolds()) {
                source.add(fonts.phrase(text.text("material.governmentHolds") + "\n", styles.held()));
            }
            source.add(fonts.phrase(material.sources(), styles.small()));
            table.addCell(cell(source, null));
        }
        document.add(table);
    }

    private static Paragraph heading(Phrase title) {
        Paragraph heading = new Paragraph(title);
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
}
