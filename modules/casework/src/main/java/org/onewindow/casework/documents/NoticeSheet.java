package org.onewindow.casework.documents;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.onewindow.kernel.document.DocumentFonts;
import org.onewindow.kernel.document.PageFooter;
import org.onewindow.kernel.document.TextStyle;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPCellEvent;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * One notice being laid out, top to bottom, in the county layout all notices share: A4 with the margins of GB/T
 * 9704-2012 (37 mm top, 35 mm bottom, 28 mm on the binding side, 26 mm on the other), the title centred in 22 pt
 * (二号), the document number right-aligned under it, the addressee flush left, body paragraphs in 14 pt (四号)
 * indented two characters and justified, tables and notes smaller, and the issuing body over the date right-aligned
 * two characters in from the margin, with the seal over them. Not thread-safe: one per notice.
 */
final class NoticeSheet {

    private static final float MM = 72f / 25.4f;
    static final float MARGIN_TOP = 37 * MM;
    static final float MARGIN_BOTTOM = 35 * MM;
    static final float MARGIN_BINDING = 28 * MM;
    static final float MARGIN_OUTER = 26 * MM;
    /** Printed side of the QR code, quiet zone included: 30 mm scans from a phone held at reading distance. */
    static final float QR_SIDE = 30 * MM;
    /** The seal's printed size: county seals are about 40–42 mm across. */
    static final float SEAL_SIDE = 40 * MM;

    /** Width of a facts table's label column: six characters of the table type and the cell's padding. */
    private static final float FACT_LABEL = 6 * 12 + 12;

    private static final Color LINE = new Color(0x33, 0x33, 0x33);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final TextStyle TITLE = new TextStyle(22, true, Color.BLACK);
    private static final TextStyle NUMBER = TextStyle.of(14, Color.BLACK);
    private static final TextStyle BODY = TextStyle.of(14, Color.BLACK);
    private static final TextStyle TABLE = TextStyle.of(12, Color.BLACK);
    private static final TextStyle TABLE_STRONG = new TextStyle(12, true, Color.BLACK);
    private static final TextStyle NOTE = TextStyle.of(10.5f, Color.BLACK);
    private static final TextStyle FOOTER = TextStyle.of(9, GREY);
    /** Line spacing of the body: about 28 lines on the page, as GB/T 9704 asks (22 lines there at 三号). */
    private static final float BODY_LEADING = 1.6f;
    /** Line spacing of the notes and captions in the small type. */
    private static final float NOTE_LEADING = 1.45f;

    /** One row of a facts table: a label and its value; a strong value stands out (the check code). */
    record Fact(String label, String value, boolean strong) {
        Fact(String label, String value) {
            this(label, value, false);
        }
    }

    /** A QR code: what it encodes and the caption under it. */
    record Qr(String content, String caption) {}

    private final DocumentFonts fonts;
    private final NoticeHeader header;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document;
    private final PdfWriter writer;

    NoticeSheet(DocumentFonts fonts, NoticeHeader header, String title) {
        this.fonts = fonts;
        this.header = header;
        document = new Document(PageSize.A4, MARGIN_BINDING, MARGIN_OUTER, MARGIN_TOP, MARGIN_BOTTOM);
        writer = PdfWriter.getInstance(document, out);
        // A notice that runs over a page carries its number on each (so a loose page is traced back) and a page number.
        writer.setPageEvent(new PageFooter(fonts, FOOTER, header.documentNumber()));
        document.addTitle(title + " " + header.documentNumber());
        document.addAuthor(header.issuingBody());
        document.addCreator("OneWindow 一窗通办");
        // Screen readers and text-to-speech pick the language from the catalog's /Lang.
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
        document.open();

        Paragraph heading = new Paragraph(phrase(title, TITLE));
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingAfter(6);
        document.add(heading);
        Paragraph number = new Paragraph(phrase(header.documentNumber(), NUMBER));
        number.setAlignment(Element.ALIGN_RIGHT);
        number.setSpacingAfter(8);
        document.add(number);
    }

    /** The text in the font chain, breaking lines as Chinese typesetting does ({@link ChineseLineBreaks}). */
    private Phrase phrase(String text, TextStyle style) {
        Phrase phrase = fonts.phrase(text, style);
        for (Element element : phrase) {
            if (element instanceof Chunk chunk) {
                chunk.setSplitCharacter(ChineseLineBreaks.INSTANCE);
            }
        }
        return phrase;
    }

    /** The addressee line (抬头), flush left. */
    void addressee(String line) {
        Paragraph addressee = new Paragraph(phrase(line, BODY));
        addressee.setLeading(BODY.sizePoints() * BODY_LEADING);
        document.add(addressee);
    }

    /** A body paragraph: indented two characters, justified. */
    void paragraph(String text) {
        document.add(indented(text, BODY));
    }

    /** A note in the small type, indented like the body. */
    void note(String text) {
        Paragraph note = indented(text, NOTE);
        note.setSpacingBefore(2);
        document.add(note);
    }

    private Paragraph indented(String text, TextStyle style) {
        Paragraph paragraph = new Paragraph(phrase(text, style));
        paragraph.setLeading(style.sizePoints() * (style == BODY ? BODY_LEADING : NOTE_LEADING));
        paragraph.setFirstLineIndent(2 * style.sizePoints());
        paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
        paragraph.setSpacingAfter(2);
        return paragraph;
    }

    /**
     * The facts of the case as a ruled table of label and value; with a QR code, the code and its caption take a
     * column on the right spanning all rows.
     */
    void facts(List<Fact> facts, Qr qr) {
        float width = document.right() - document.left();
        float qrColumn = QR_SIDE + 16;
        PdfPTable table = qr == null
                ? new PdfPTable(new float[] {FACT_LABEL, width - FACT_LABEL})
                : new PdfPTable(new float[] {FACT_LABEL, width - FACT_LABEL - qrColumn, qrColumn});
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        table.setSpacingBefore(6);
        table.setSpacingAfter(6);
        table.setKeepTogether(true);
        boolean first = true;
        for (Fact fact : facts) {
            PdfPCell label = cell(phrase(fact.label(), TABLE));
            label.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(label);
            table.addCell(cell(phrase(fact.value(), fact.strong() ? TABLE_STRONG : TABLE)));
            if (first && qr != null) {
                table.addCell(qrCell(qr, facts.size()));
            }
            first = false;
        }
        document.add(table);
    }

    private PdfPCell qrCell(Qr qr, int rows) {
        Image code = QrCode.image(writer, qr.content(), QR_SIDE);
        PdfPCell cell = new PdfPCell();
        cell.setRowspan(rows);
        cell.setBorderColor(LINE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(4);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.addElement(centred(code));
        Paragraph caption = new Paragraph(phrase(qr.caption(), NOTE));
        caption.setLeading(NOTE.sizePoints() * NOTE_LEADING);
        caption.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(caption);
        return cell;
    }

    private static Image centred(Image image) {
        image.setAlignment(Image.ALIGN_CENTER);
        return image;
    }

    /** A ruled table with a header row repeated on each page. */
    void table(String[] columns, float[] widths, List<String[]> rows) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(6);
        table.setSpacingAfter(8);
        for (String column : columns) {
            PdfPCell cell = cell(phrase(column, TABLE_STRONG));
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                PdfPCell cell = cell(phrase(row[i], TABLE));
                if (i == 0) {
                    cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                }
                table.addCell(cell);
            }
        }
        document.add(table);
    }

    private static PdfPCell cell(Phrase content) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorderColor(LINE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(6);
        cell.setPaddingLeft(5);
        cell.setPaddingRight(5);
        cell.setLeading(0, 1.3f);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    /**
     * The signature block (落款) and the PDF's bytes: the issuing body centred over the date, the block right-aligned
     * two characters in from the margin, the seal over both when the header has one.
     *
     * @param subject the case number for the PDF's subject, or {@code null}
     */
    byte[] finish(String subject) {
        if (subject != null) {
            document.addSubject(subject);
        }
        String date = NoticeWording.date(header.issuedOn());
        int characters = Math.max(
                header.issuingBody().codePointCount(0, header.issuingBody().length()), date.length());
        float indent = 2 * BODY.sizePoints();
        float blockWidth = Math.min(
                document.right() - document.left() - indent, Math.max(SEAL_SIDE, characters * BODY.sizePoints() + 8));
        PdfPTable block = new PdfPTable(new float[] {blockWidth, indent});
        block.setTotalWidth(blockWidth + indent);
        block.setLockedWidth(true);
        block.setHorizontalAlignment(Element.ALIGN_RIGHT);
        block.setSpacingBefore(BODY.sizePoints() * 1.5f);
        block.setKeepTogether(true);
        Phrase lines = phrase(header.issuingBody(), BODY);
        lines.add(phrase("\n" + date, BODY));
        PdfPCell signed = new PdfPCell(lines);
        signed.setBorder(Rectangle.NO_BORDER);
        signed.setHorizontalAlignment(Element.ALIGN_CENTER);
        signed.setLeading(0, BODY_LEADING);
        signed.setPaddingBottom(6);
        if (header.hasSeal()) {
            signed.setCellEvent(new Seal(seal(header.sealImage())));
        }
        block.addCell(signed);
        PdfPCell margin = new PdfPCell(new Phrase(""));
        margin.setBorder(Rectangle.NO_BORDER);
        block.addCell(margin);
        document.add(block);
        document.close();
        return out.toByteArray();
    }

    private static Image seal(byte[] bytes) {
        try {
            Image seal = Image.getInstance(bytes);
            seal.scaleToFit(SEAL_SIDE, SEAL_SIDE);
            return seal;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the seal image is neither PNG nor JPEG", e);
        }
    }

    /** Stamps the seal centred over the signature block, over the text as ink on paper would be. */
    private record Seal(Image image) implements PdfPCellEvent {
        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            Image stamp = Image.getInstance(image);
            stamp.setAbsolutePosition(
                    (position.getLeft() + position.getRight() - image.getScaledWidth()) / 2,
                    (position.getTop() + position.getBottom() - image.getScaledHeight()) / 2);
            try {
                canvases[PdfPTable.TEXTCANVAS].addImage(stamp);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
