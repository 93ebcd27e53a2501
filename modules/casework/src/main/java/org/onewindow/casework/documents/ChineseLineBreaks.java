package org.onewindow.casework.documents;

import org.openpdf.text.pdf.DefaultSplitCharacter;
import org.openpdf.text.pdf.PdfChunk;

/**
 * Where a line of Chinese text may break, by the rules of Chinese typesetting (避头尾, GB/T 15834-2011 标点符号用法 and
 * W3C's Requirements for Chinese Text Layout): no line starts with a closing mark (，。、；：？！）》」 and the like)
 * and no line ends with an opening one (（《「“). OpenPDF by itself breaks after any ideograph, so a line of a notice
 * could start with "，决定予以受理。"; here the ideograph before the comma moves down with it instead. Elsewhere the
 * default rules apply (after a space or a hyphen, between ideographs), and a break right after a closing mark is
 * allowed, which OpenPDF's default does not allow for the full-width comma, and so is one after the slash of a web
 * address's path.
 */
final class ChineseLineBreaks extends DefaultSplitCharacter {

    static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

    /** Marks that must not begin a line: closing brackets and quotes, pause and stop marks, full and half width. */
    static final String NO_LINE_START = "，。、；：？！）》」』】〕〉〗”’…—·～％,.;:?!)]}%";

    /** Marks that must not end a line: opening brackets and quotes. */
    static final String NO_LINE_END = "（《「『【〔〈〖“‘([{";

    private ChineseLineBreaks() {}

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char here = getCurrentCharacter(current, cc, ck);
        if (NO_LINE_END.indexOf(here) >= 0) {
            return false;
        }
        if (current + 1 < end && NO_LINE_START.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
            return false;
        }
        if (here == '/' && current + 1 < end && getCurrentCharacter(current + 1, cc, ck) != '/') {
            // A web address may break after a path's slash, so that a justified line before it is not torn apart.
            return true;
        }
        if (here > 0x7f && NO_LINE_START.indexOf(here) >= 0) {
            // After a full-width closing mark; Latin marks keep the default (no break inside 3.5 or https://).
            return true;
        }
        return super.isSplitCharacter(start, current, end, cc, ck);
    }
}
