package org.onewindow.casework.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.onewindow.kernel.error.DomainException;

/**
 * A scanned material (扫描件) as uploaded at a window: its bytes, the type its content is, its SHA-256 and the name
 * the uploader's computer gave it. Made only through {@link #of}, which refuses what is not a PDF, JPEG or PNG.
 *
 * @param fileName the name for people (path, control characters and excess length removed); may be {@code null}
 * @param type what the content is
 * @param content the bytes, at least one
 * @param sha256 SHA-256 of the bytes, 64 lower-case hex digits
 */
public record ScannedFile(String fileName, ScanType type, byte[] content, String sha256) {

    /** The longest file name kept (its column's width); longer ones keep their end, where the extension is. */
    public static final int FILE_NAME_MAX_LENGTH = 200;

    /** Types a client sends when it does not know what the file is: the content decides alone. */
    private static final String UNKNOWN_TYPE = "application/octet-stream";

    /**
     * The upload checked: not empty, its declared type one of PDF, JPEG or PNG (or none), its content really such a
     * file, and the declared type the one the content is.
     *
     * @param declaredType the {@code Content-Type} the client sent; {@code null}, blank or
     *     {@code application/octet-stream} lets the content decide
     * @throws DomainException 400 {@code casework.upload.empty}, {@code casework.upload.type.unsupported} (a declared
     *     type other than PDF, JPEG or PNG), {@code casework.upload.content.unknown} (content none of the three),
     *     {@code casework.upload.type.mismatch} (declared one type, is another)
     */
    public static ScannedFile of(String fileName, String declaredType, byte[] content) {
        if (content == null || content.length == 0) {
            throw new DomainException("casework.upload.empty");
        }
        boolean declared = declaredType != null
                && !declaredType.isBlank()
                && !declaredType.strip().toLowerCase(Locale.ROOT).startsWith(UNKNOWN_TYPE);
        ScanType claimed = null;
        if (declared) {
            claimed = ScanType.ofMediaType(declaredType)
                    .orElseThrow(() -> new DomainException("casework.upload.type.unsupported", declaredType.strip()));
        }
        ScanType actual =
                ScanType.sniff(content).orElseThrow(() -> new DomainException("casework.upload.content.unknown"));
        if (claimed != null && claimed != actual) {
            throw new DomainException("casework.upload.type.mismatch", claimed.name(), actual.name());
        }
        return new ScannedFile(cleanName(fileName), actual, content, sha256(content));
    }

    /** Its size in bytes. */
    public int sizeBytes() {
        return content.length;
    }

    /** How the material's mark and the timeline refer to it: {@code sha256:} and the first 12 hex digits. */
    public String reference() {
        return "sha256:" + sha256.substring(0, 12);
    }

    /** The last segment of a path, without control characters; {@code null} when nothing is left. */
    static String cleanName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.length() > FILE_NAME_MAX_LENGTH) {
            name = name.substring(name.length() - FILE_NAME_MAX_LENGTH);
        }
        return name.isEmpty() ? null : name;
    }

    /** SHA-256 (hex) of the bytes. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScannedFile that && sha256.equals(that.sha256) && type == that.type;
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "ScannedFile[" + type + ", " + content.length + " bytes, " + reference() + "]";
    }
}
