package org.onewindow.kernel.tenant.domain;

import java.util.List;
import org.onewindow.kernel.error.DomainException;

/** An import with bad lines: every bad line is reported, and nothing of the file is applied. */
public class ImportRejectedException extends DomainException {

    /**
     * A bad line: its number in the file (0 for the file as a whole), the column's name ("" when the whole line or
     * file), and why, as a message key with arguments.
     */
    public record LineError(int line, String column, String key, Object... arguments) {}

    private final transient List<LineError> errors;

    public ImportRejectedException(List<LineError> errors) {
        super("import.rejected", errors.size());
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }
}
