package org.onewindow.kernel.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpdf.text.Chunk;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;

/**
 * The fonts of every printed document (办事指南, 受理凭证, 补正告知书, decision letters): a chain of faces, tried in
 * order for each character, so that every character the product stores is printed (docs/adr/0006).
 *
 * <ol>
 *   <li>{@link Face#LATIN} Liberation Sans (SIL OFL 1.1): Latin, Greek, Cyrillic, proportional with real word spaces;
 *   <li>{@link Face#CJK} HanaMin A (花园明朝A, Hanazono Font License or OFL 1.1): CJK Unified Ideographs, Extension A,
 *       compatibility ideographs, full-width punctuation, enclosed numbers, many symbols and some emoji;
 *   <li>{@link Face#CJK_EXTENSION} HanaMin B: CJK Extensions B to F (plane 2, e.g. 𠮷 U+20BB7 in names);
 *   <li>{@link Face#SYMBOLS} DejaVu Sans (Bitstream Vera licence): arrows, mathematical and other symbols;
 *   <li>{@link Face#CJK_STANDARD} only when the build could not bundle HanaMin: the reader's STSong-Light through the
 *       UniGB-UCS2-H CMap, not embedded, for the basic plane only.
 * </ol>
 *
 * All but the last are embedded as subsets (Identity-H), so a reader needs no font of its own and text stays
 * extractable. A character that no face has is printed as {@link #SUBSTITUTE} and logged once per code point;
 * printing never fails because of a character.
 *
 * <p>Thread-safe: the fonts are loaded once and only read afterwards.
 */
public final class DocumentFonts {

    /** The faces of the chain, in the order they are tried. */
    public enum Face {
        LATIN,
        CJK,
        CJK_EXTENSION,
        SYMBOLS,
        CJK_STANDARD
    }

    /**
     * Printed for a character that no face has: 〓 (U+3013 GETA MARK), the mark Chinese and Japanese typesetting use
     * for a character missing from the type case (缺字符号).
     */
    public static final String SUBSTITUTE = "\u3013";

    private static final Logger LOG = Logger.getLogger(DocumentFonts.class.getName());
    private static final String FONTS = "fonts/";
    /** Bounds the memory of code points already logged: past this many, missing characters are logged no more. */
    private static final int MAX_LOGGED = 512;

    private final List<Member> members;
    private final Set<Integer> logged = ConcurrentHashMap.newKeySet();

    private record Member(Face face, BaseFont regular, BaseFont bold) {

        boolean has(int codePoint) {
            // The CJK CMap font's tables stop at U+FFFF and throw beyond it (issue 7: 𠮷 gave HTTP 500).
            if (face == Face.CJK_STANDARD && codePoint > 0xFFFF) {
                return false;
            }
            return regular.charExists(codePoint);
        }
    }

    private DocumentFonts(List<Member> members) {
        this.members = List.copyOf(members);
    }

    /** The chain bundled with the application, loaded on first use (a second or two: the CJK fonts are 53 MB). */
    public static DocumentFonts standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final DocumentFonts INSTANCE = load();
    }

    /** The faces this chain has, in order; without HanaMin, {@link Face#CJK_STANDARD} stands in for them. */
    public List<Face> faces() {
        return members.stream().map(Member::face).toList();
    }

    /**
     * Splits text into runs, each printable in one face. Every code point lands in a run: in the first face that has
     * it; a space or line break stays in the run it follows (a Latin word space keeps Latin metrics); a variation
     * selector or other invisible format character no face has is dropped (the base character is still printed);
     * other control characters are dropped; anything else no face has becomes {@link #SUBSTITUTE}.
     *
     * @param text any Java string, lone surrogates included; {@code null} counts as empty
     * @return the runs in order, adjacent runs in different faces; empty for empty text
     */
    public List<TextRun> runs(String text) {
        List<TextRun> runs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return runs;
        }
        Face current = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean lineBreak = codePoint == '\n';
            boolean space = codePoint == '\t' || isSpace(codePoint);
            if (!lineBreak && !space && (Character.getType(codePoint) == Character.CONTROL)) {
                continue; // \r of \r\n and other controls print nothing
            }
            String printed = codePoint == '\t' ? " " : Character.toString(codePoint);
            Face face;
            if (lineBreak || space) {
                int glyph = lineBreak || codePoint == '\t' ? ' ' : codePoint;
                face = current != null && (lineBreak || member(current).has(glyph)) ? current : firstHaving(glyph);
                if (face == null) {
                    face = current != null ? current : firstHaving(' ');
                    printed = " ";
                }
            } else {
                face = firstHaving(codePoint);
                if (face == null) {
                    if (isIgnorable(codePoint)) {
                        continue;
                    }
                    missing(codePoint);
                    face = firstHaving(SUBSTITUTE.codePointAt(0));
                    printed = face == null ? "?" : SUBSTITUTE;
                }
            }
            if (face == null) {
                face = members.getFirst().face();
            }
            if (face != current && !run.isEmpty()) {
                runs.add(new TextRun(current, run.toString()));
                run.setLength(0);
            }
            current = face;
            run.append(printed);
        }
        if (!run.isEmpty()) {
            runs.add(new TextRun(current, run.toString()));
        }
        return runs;
    }

    /**
     * The text as an OpenPDF phrase: one chunk per {@link #runs(String) run}, leading 1.5 times the size.
     *
     * @param text any text; {@code null} gives an empty phrase
     * @param style size, weight and colour of all of it
     */
    public Phrase phrase(String text, TextStyle style) {
        Phrase phrase = new Phrase(style.leadingPoints());
        for (TextRun run : runs(text)) {
            phrase.add(new Chunk(run.text(), font(run.face(), style)));
        }
        return phrase;
    }

    /** The OpenPDF font of one face in a style: the bold cut where the face has one, else stroked emboldening. */
    public Font font(Face face, TextStyle style) {
        Member member = member(face);
        if (style.bold() && member.bold() != null) {
            return new Font(member.bold(), style.sizePoints(), Font.NORMAL, style.colour());
        }
        return new Font(member.regular(), style.sizePoints(), style.bold() ? Font.BOLD : Font.NORMAL, style.colour());
    }

    private Member member(Face face) {
        for (Member member : members) {
            if (member.face() == face) {
                return member;
            }
        }
        throw new IllegalArgumentException("no face " + face + " in " + faces());
    }

    private Face firstHaving(int codePoint) {
        for (Member member : members) {
            if (member.has(codePoint)) {
                return member.face();
            }
        }
        return null;
    }

    private void missing(int codePoint) {
        if (logged.size() < MAX_LOGGED && logged.add(codePoint)) {
            LOG.warning(() -> String.format(
                    Locale.ROOT,
                    "No font of the document chain has U+%04X (%s); it is printed as %s",
                    codePoint,
                    Character.isValidCodePoint(codePoint) && Character.getName(codePoint) != null
                            ? Character.getName(codePoint)
                            : "unassigned",
                    SUBSTITUTE));
        }
    }

    private static boolean isSpace(int codePoint) {
        return Character.getType(codePoint) == Character.SPACE_SEPARATOR;
    }

    /** Variation selectors, joiners and other format characters: invisible, so dropping one loses no text. */
    private static boolean isIgnorable(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }

    // --- loading ---------------------------------------------------------------------------------------------

    private static DocumentFonts load() {
        List<Member> members = new ArrayList<>();
        add(members, Face.LATIN, "liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf");
        add(members, Face.CJK, "hanazono/HanaMinA.ttf", null);
        add(members, Face.CJK_EXTENSION, "hanazono/HanaMinB.ttf", null);
        add(members, Face.SYMBOLS, "dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf");
        Set<Face> present = EnumSet.noneOf(Face.class);
        members.forEach(member -> present.add(member.face()));
        if (!present.contains(Face.CJK)) {
            try {
                BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
                members.add(new Member(Face.CJK_STANDARD, song, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!present.containsAll(EnumSet.of(Face.LATIN, Face.CJK, Face.CJK_EXTENSION, Face.SYMBOLS))) {
            LOG.warning("Printed documents lack bundled fonts " + EnumSet.complementOf(EnumSet.copyOf(present))
                    + " (see docs/adr/0006-fonts-in-printed-documents.md): their characters print as "
                    + SUBSTITUTE + " or in the reader's STSong-Light. Rebuild where apt-get can fetch fonts-hanazono.");
        }
        if (members.isEmpty()) {
            throw new IllegalStateException("no font for printed documents");
        }
        return new DocumentFonts(members);
    }

    private static void add(List<Member> members, Face face, String regular, String bold) {
        Path regularFile = file(regular);
        if (regularFile == null) {
            return;
        }
        Path boldFile = bold == null ? null : file(bold);
        try {
            members.add(new Member(face, create(regularFile), boldFile == null ? null : create(boldFile)));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Font " + regular + " for printed documents cannot be read", e);
        }
    }

    private static BaseFont create(Path file) throws IOException {
        // From a file OpenPDF maps the font instead of holding it on the heap (HanaMin A and B are 53 MB).
        return BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    }

    /** The font as a file: itself when the class path is a folder, else a copy in the temporary folder. */
    private static Path file(String name) {
        URL url = DocumentFonts.class.getResource(FONTS + name);
        if (url == null) {
            return null;
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempFile("onewindow-font-", "-" + name.substring(name.lastIndexOf('/') + 1));
            copy.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Font " + name + " for printed documents cannot be copied out of the archive", e);
            return null;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
