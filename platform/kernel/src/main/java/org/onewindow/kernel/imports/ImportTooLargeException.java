package org.onewindow.kernel.imports;

import org.onewindow.kernel.error.DomainException;

/**
 * A file over one of the {@link ImportLimits}; REST answers 413 with the message naming the limit, and nothing of
 * the file is read further or applied.
 */
public class ImportTooLargeException extends DomainException {

    public ImportTooLargeException(String key, Object... arguments) {
        super(key, arguments);
    }
}
