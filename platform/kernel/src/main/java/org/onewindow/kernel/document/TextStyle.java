package org.onewindow.kernel.document;

import java.awt.Color;
import java.util.Objects;

/**
 * How a piece of printed text looks: size in points (1/72 inch), weight and colour. The font itself is not part of
 * the style: {@link DocumentFonts} picks it per character.
 *
 * @param sizePoints the font size in points, greater than 0
 * @param bold whether the text is bold (faces without a bold cut are emboldened by stroking)
 * @param colour the text colour
 */
public record TextStyle(float sizePoints, boolean bold, Color colour) {

    public TextStyle {
        if (!(sizePoints > 0)) {
            throw new IllegalArgumentException("sizePoints must be > 0: " + sizePoints);
        }
        Objects.requireNonNull(colour, "colour");
    }

    public static TextStyle of(float sizePoints, Color colour) {
        return new TextStyle(sizePoints, false, colour);
    }

    public TextStyle bolder() {
        return new TextStyle(sizePoints, true, colour);
    }

    /** The distance between baselines: 1.5 times the size, as OpenPDF's default for a phrase. */
    public float leadingPoints() {
        return sizePoints * 1.5f;
    }
}
