package org.onewindow.kernel.settings.domain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.imports.ImportTooLargeException;

/**
 * The issuing body's seal (专用印章) as printed on its documents beside its name: a PNG with a transparent background,
 * so the seal lies over the name and the date as ink does, not a white square hiding them. Judged by its content,
 * never by a file name or a claimed type. Made only through {@link #of}.
 *
 * @param content the PNG's bytes
 * @param width its width in pixels
 * @param height its height in pixels
 */
public record SealImage(byte[] content, int width, int height) {

    /** The largest seal stored: a 42 mm seal scanned at 600 dpi is a few tens of KiB. */
    public static final int MAX_BYTES = 512 << 10;

    /** The longest side in pixels: 42 mm at 1200 dpi; more only costs every printed page. */
    public static final int MAX_SIDE = 2000;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** The signature, then the IHDR chunk's length and type, its width and height: 24 bytes. */
    private static final int HEADER_BYTES = 24;

    public SealImage {
        content = content.clone();
    }

    /**
     * The seal checked: not empty, at most {@link #MAX_BYTES}, a PNG that decodes, at most {@link #MAX_SIDE} pixels a
     * side, with an alpha channel and some transparent pixels.
     *
     * @throws DomainException 400 {@code settings.image.empty}, {@code settings.image.not.png} (another type, or a
     *     damaged PNG), {@code settings.image.side} (too many pixels), {@code settings.image.opaque} (no transparent
     *     background)
     * @throws ImportTooLargeException 413 {@code settings.image.too.large}
     */
    public static SealImage of(byte[] content) {
        if (content == null || content.length == 0) {
            throw new DomainException("settings.image.empty");
        }
        if (content.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (content.length < HEADER_BYTES
                || !Arrays.equals(content, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)
                || !"IHDR".equals(new String(content, 12, 4, StandardCharsets.US_ASCII))) {
            throw new DomainException("settings.image.not.png");
        }
        // The size is read from the header before the pixels are decoded, so a small file cannot unpack to gigabytes.
        ByteBuffer header = ByteBuffer.wrap(content, 16, 8);
        long width = Integer.toUnsignedLong(header.getInt());
        long height = Integer.toUnsignedLong(header.getInt());
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new DomainException("settings.image.side", MAX_SIDE, width, height);
        }
        BufferedImage image = decode(content);
        if (!image.getColorModel().hasAlpha() || !hasTransparentPixel(image)) {
            throw new DomainException("settings.image.opaque");
        }
        return new SealImage(content, image.getWidth(), image.getHeight());
    }

    /** The refusal of a seal over {@link #MAX_BYTES}, naming the limit. */
    public static ImportTooLargeException tooLarge() {
        return new ImportTooLargeException("settings.image.too.large", (MAX_BYTES >> 10) + " KiB");
    }

    /** The bytes, a copy. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The value the setting stores and the audit trail shows: the SHA-256 of the bytes, 64 hex digits. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage decode(byte[] content) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null) {
                throw new DomainException("settings.image.not.png");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException refusal) {
                throw refusal;
            }
            throw new DomainException("settings.image.not.png");
        }
    }

    private static boolean hasTransparentPixel(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) < 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealImage that && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "SealImage[" + width + "×" + height + ", " + content.length + " bytes]";
    }
}
