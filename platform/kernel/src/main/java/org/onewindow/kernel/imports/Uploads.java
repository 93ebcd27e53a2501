package org.onewindow.kernel.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.onewindow.kernel.error.DomainException;

/** The body of an upload, read without ever holding more than the limit allows. */
public final class Uploads {

    private Uploads() {}

    /**
     * The whole body; a body whose declared length ({@code Content-Length}, may be null) is over the limit is
     * refused before a byte of it is read, so the client gets its answer at once rather than after uploading it all.
     *
     * @throws ImportTooLargeException {@code import.too.large} when it is longer than {@link ImportLimits#maxBytes()}
     * @throws DomainException {@code request.body.required} when it is empty
     */
    public static byte[] read(InputStream body, String declaredLength, ImportLimits limits) {
        byte[] bytes = readAtMost(
                body,
                declaredLength,
                limits.maxBytes(),
                () -> new ImportTooLargeException("import.too.large", ImportLimits.mebibytes(limits.maxBytes())));
        if (bytes.length == 0) {
            throw new DomainException("request.body.required");
        }
        return bytes;
    }

    /**
     * The whole body, at most {@code maxBytes} of it ever held, refused unread when its declared length is over; an
     * empty body gives no bytes (the caller says what that means). For uploads with a refusal of their own.
     *
     * @param tooLarge the refusal when the body is longer than {@code maxBytes}
     * @throws DomainException {@code request.body.required} when there is no body at all
     */
    public static byte[] readAtMost(
            InputStream body, String declaredLength, long maxBytes, Supplier<? extends DomainException> tooLarge) {
        if (declaredLength != null
                && declaredLength.strip().matches("\\d{1,18}")
                && Long.parseLong(declaredLength.strip()) > maxBytes) {
            throw tooLarge.get();
        }
        if (body == null) {
            throw new DomainException("request.body.required");
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge.get();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
