package org.onewindow.kernel.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** An upload is read up to the limit and no further; a declared length over it is refused unread. */
class UploadsTest {

    static final ImportLimits TEN_BYTES = new ImportLimits(10, 100, 10);

    @Test
    void aBodyWithinTheLimitIsReadWhole() {
        assertThat(Uploads.read(new ByteArrayInputStream(new byte[10]), "10", TEN_BYTES))
                .hasSize(10);
        assertThat(Uploads.read(new ByteArrayInputStream(new byte[3]), null, TEN_BYTES))
                .hasSize(3);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };

        assertThatThrownBy(() -> Uploads.read(unread, " 11 ", TEN_BYTES))
                .isInstanceOfSatisfying(
                        ImportTooLargeException.class, e -> assertThat(e.key()).isEqualTo("import.too.large"));
    }

    @Test
    void aLongerBodyThanTheLimitIsTooLargeEvenWithoutADeclaredLength() {
        assertThatThrownBy(() -> Uploads.read(new ByteArrayInputStream(new byte[11]), null, TEN_BYTES))
                .isInstanceOf(ImportTooLargeException.class);
    }

    @Test
    void anEmptyBodyIsRefusedAsMissing() {
        assertThatThrownBy(() -> Uploads.read(new ByteArrayInputStream(new byte[0]), "0", TEN_BYTES))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("request.body.required"));
    }

    @Test
    void anUploadWithItsOwnRefusalGetsItAndMayBeEmpty() {
        DomainException tooLarge = new DomainException("test.too.large");

        assertThat(Uploads.readAtMost(new ByteArrayInputStream(new byte[0]), "0", 10, () -> tooLarge))
                .isEmpty();
        assertThatThrownBy(() -> Uploads.readAtMost(new ByteArrayInputStream(new byte[11]), null, 10, () -> tooLarge))
                .isSameAs(tooLarge);
        assertThatThrownBy(() -> Uploads.readAtMost(new ByteArrayInputStream(new byte[1]), "11", 10, () -> tooLarge))
                .isSameAs(tooLarge);
    }
}
