package org.onewindow.kernel.imports;

/**
 * An uploaded text file as characters, or why it cannot be read as such.
 *
 * @param text the characters, without a byte order mark; "" when refused
 * @param encoding the encoding it was read in ({@code UTF-8}, {@code UTF-16LE}, {@code UTF-16BE}, {@code GB18030});
 *     "" when refused
 * @param problem why it was refused, or null
 */
public record DecodedText(String text, String encoding, ImportProblem problem) {

    public boolean refused() {
        return problem != null;
    }
}
