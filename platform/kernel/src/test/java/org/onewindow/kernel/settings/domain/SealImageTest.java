package org.onewindow.kernel.settings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.imports.ImportTooLargeException;

/** A seal is a PNG on a transparent background, judged by its content, small enough to print on every page. */
class SealImageTest {

    @Test
    void aRedRingOnATransparentBackgroundIsASeal() throws IOException {
        byte[] png = ring(300, 300, BufferedImage.TYPE_INT_ARGB, false);

        SealImage seal = SealImage.of(png);

        assertThat(seal.width()).isEqualTo(300);
        assertThat(seal.height()).isEqualTo(300);
        assertThat(seal.content()).isEqualTo(png);
        assertThat(seal.sha256()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(SealImage.of(png)).isEqualTo(seal);
    }

    @Test
    void aJpegOrAnythingElseIsNotAPngWhateverItIsCalled() throws IOException {
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", jpeg);

        assertThat(refusal(jpeg.toByteArray())).isEqualTo("settings.image.not.png");
        assertThat(refusal("seal.png".getBytes(StandardCharsets.US_ASCII))).isEqualTo("settings.image.not.png");
    }

    @Test
    void aDamagedPngIsRefused() throws IOException {
        byte[] png = ring(100, 100, BufferedImage.TYPE_INT_ARGB, false);
        byte[] cut = Arrays.copyOf(png, 40);

        assertThat(refusal(cut)).isEqualTo("settings.image.not.png");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(refusal(new byte[0])).isEqualTo("settings.image.empty");
        assertThat(refusal(null)).isEqualTo("settings.image.empty");
    }

    @Test
    void aFileOverTheLimitIsTooLarge() throws IOException {
        byte[] large = Arrays.copyOf(ring(100, 100, BufferedImage.TYPE_INT_ARGB, false), SealImage.MAX_BYTES + 1);

        ImportTooLargeException refused =
                catchThrowableOfType(ImportTooLargeException.class, () -> SealImage.of(large));

        assertThat(refused.key()).isEqualTo("settings.image.too.large");
        assertThat(refused.arguments()).containsExactly("512 KiB");
    }

    @Test
    void aSealWiderThanTheLimitIsRefusedBeforeItIsDecoded() throws IOException {
        byte[] wide = ring(SealImage.MAX_SIDE + 1, 10, BufferedImage.TYPE_INT_ARGB, false);

        DomainException refused = catchThrowableOfType(DomainException.class, () -> SealImage.of(wide));

        assertThat(refused.key()).isEqualTo("settings.image.side");
        assertThat(refused.arguments()).containsExactly(SealImage.MAX_SIDE, (long) SealImage.MAX_SIDE + 1, 10L);
    }

    @Test
    void aSealOnWhiteOrWithoutAnyTransparentPixelIsRefused() throws IOException {
        assertThat(refusal(ring(100, 100, BufferedImage.TYPE_INT_RGB, true))).isEqualTo("settings.image.opaque");
        assertThat(refusal(ring(100, 100, BufferedImage.TYPE_INT_ARGB, true))).isEqualTo("settings.image.opaque");
    }

    private static String refusal(byte[] content) {
        return catchThrowableOfType(DomainException.class, () -> SealImage.of(content))
                .key();
    }

    /** A red ring; on white when {@code white}, else on nothing (transparent where the colour model has alpha). */
    private static byte[] ring(int width, int height, int type, boolean white) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D pen = image.createGraphics();
        if (white) {
            pen.setColor(Color.WHITE);
            pen.fillRect(0, 0, width, height);
        }
        pen.setColor(new Color(0xD0, 0x10, 0x10));
        pen.setStroke(new BasicStroke(4));
        pen.drawOval(2, 2, width - 4, height - 4);
        pen.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
