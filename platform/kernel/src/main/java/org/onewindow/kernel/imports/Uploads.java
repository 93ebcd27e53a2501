package org.onewindow.kernel.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        if (declaredLength != null
                && declaredLength.strip().matches("\\d{1,18}")
                && Long.parseLong(declaredLength.strip()) > limits.maxBytes()) {
            throw new ImportTooLargeException("import.too.large", ImportLimits.mebibytes(limits.maxBytes()));
        }
        if (body == null) {
            throw new DomainException("request.body.required");
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            if (bytes.length > limits.maxBytes()) {
                throw new ImportTooLargeException("import.too.large", ImportLimits.mebibytes(limits.maxBytes()));
            }
            if (bytes.length == 0) {
                throw new DomainException("request.body.required");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
