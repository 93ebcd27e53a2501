package org.onewindow.kernel.document;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A note at the foot of every page on the left and the page number on the right, as on a printed notice, in the
 * {@link DocumentFonts} chain (so a note may hold any character). Register with {@link PdfWriter#setPageEvent}.
 */
public final class PageFooter extends PdfPageEventHelper {

    /** Height of the footer's baseline above the bottom edge of the page, in points. */
    private static final float BASELINE_POINTS = 30;

    private final DocumentFonts fonts;
    private final TextStyle style;
    private final String note;

    public PageFooter(DocumentFonts fonts, TextStyle style, String note) {
        this.fonts = fonts;
        this.style = style;
        this.note = note;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        Rectangle page = document.getPageSize();
        float y = page.getBottom() + BASELINE_POINTS;
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, fonts.phrase(note, style), document.left(), y, 0);
        ColumnText.showTextAligned(
                canvas,
                Element.ALIGN_RIGHT,
                fonts.phrase(String.valueOf(writer.getPageNumber()), style),
                document.right(),
                y,
                0);
    }
}
