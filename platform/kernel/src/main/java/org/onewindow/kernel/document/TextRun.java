package org.onewindow.kernel.document;

/**
 * A stretch of text printed in one face of the {@link DocumentFonts} chain.
 *
 * @param face the face whose font has a glyph for every character of {@code text}
 * @param text the characters, possibly with a line break or the substitute mark {@link DocumentFonts#SUBSTITUTE}
 */
public record TextRun(DocumentFonts.Face face, String text) {}
