package org.onewindow.casework.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A QR code (GB/T 18284-2000, ISO/IEC 18004) drawn as vector squares into the PDF: sharp at any printer's resolution
 * and on a photocopy, and no image library at run time (ZXing core only encodes the matrix).
 *
 * <p>Error correction level M (about 15 % of the symbol may be lost: a fold or a stamp across it still reads); the
 * quiet zone of 4 modules the standard asks for is part of the drawing, so nothing printed next to it can touch the
 * symbol.
 */
final class QrCode {

    /** Modules of white border on each side (the quiet zone ISO/IEC 18004 asks for). */
    static final int QUIET_ZONE_MODULES = 4;

    private QrCode() {}

    /**
     * The code as an image that OpenPDF can place in a table cell or paragraph.
     *
     * @param content the text to encode (a URL: ASCII)
     * @param sidePoints the printed side, quiet zone included, in points (1/72 inch); 85 pt ≈ 30 mm
     */
    static Image image(PdfWriter writer, String content, float sidePoints) {
        BitMatrix matrix = matrix(content);
        int modules = matrix.getWidth();
        PdfTemplate template = writer.getDirectContent().createTemplate(modules, modules);
        template.setColorFill(Color.WHITE);
        template.rectangle(0, 0, modules, modules);
        template.fill();
        template.setColorFill(Color.BLACK);
        for (int y = 0; y < modules; y++) {
            // PDF's y axis points up, the matrix's rows go down.
            float row = modules - 1 - y;
            int x = 0;
            while (x < modules) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules && matrix.get(x, y)) {
                    x++;
                }
                template.rectangle(start, row, x - start, 1);
            }
        }
        template.fill();
        Image image = Image.getInstance(template);
        image.scaleAbsolute(sidePoints, sidePoints);
        return image;
    }

    /** One cell per module, quiet zone included. */
    static BitMatrix matrix(String content) {
        try {
            return new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE_MODULES,
                                    EncodeHintType.CHARACTER_SET,
                                    StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            // Only content beyond a version-40 symbol (≈ 2,300 characters at level M) fails; a progress URL is ~80.
            throw new IllegalArgumentException("cannot encode " + content.length() + " characters as a QR code", e);
        }
    }
}
