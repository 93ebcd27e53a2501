package org.onewindow.casework.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a window keeps as a scanned material (扫描件), each recognised by the bytes it starts with (its
 * magic number), never by its name or the type a browser claims.
 */
public enum ScanType {
    /** ISO 32000: {@code %PDF-}. */
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    /** JPEG (ISO/IEC 10918): the start-of-image marker and the first marker after it, {@code FF D8 FF}. */
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    /** PNG (ISO/IEC 15948): the eight-byte signature {@code 89 50 4E 47 0D 0A 1A 0A}. */
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    ScanType(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    /** The IANA media type, as stored and served: {@code application/pdf}, {@code image/jpeg}, {@code image/png}. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The type the content is, by its first bytes; empty for anything else (and for an empty file). */
    public static Optional<ScanType> sniff(byte[] content) {
        return Arrays.stream(values())
                .filter(type -> content.length >= type.magic.length
                        && Arrays.equals(content, 0, type.magic.length, type.magic, 0, type.magic.length))
                .findFirst();
    }

    /**
     * The type a {@code Content-Type} names, parameters and case ignored; the old aliases {@code image/jpg},
     * {@code image/pjpeg} and {@code image/x-png} that some browsers still send count as their type.
     */
    public static Optional<ScanType> ofMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (bare) {
            case "application/pdf" -> Optional.of(PDF);
            case "image/jpeg", "image/jpg", "image/pjpeg" -> Optional.of(JPEG);
            case "image/png", "image/x-png" -> Optional.of(PNG);
            default -> Optional.empty();
        };
    }
}
