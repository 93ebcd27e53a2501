package org.onewindow.casework.domain;

import java.time.LocalDate;
import java.util.List;
import org.onewindow.kernel.error.MessageKey;

/**
 * A correction notice (补正通知书): everything the applicant must supply, told at once, dated, numbered, with its
 * legal note. The PDF with the issuing body and the county's layout is rendered from it later.
 *
 * @param issuedOn the day it was issued
 * @param issuedBy the clerk who issued it
 * @param toSupply every material to supply; never empty
 * @param legalBasis {@link LegalBasis#CORRECTION}
 * @param documentNumber its number in the county's series of the year ({@link DocumentSeries#CORRECTION},
 *     {@code 370321补正〔2026〕000001号}); {@code null} only for a notice issued before notices were numbered
 */
public record CorrectionNotice(
        LocalDate issuedOn,
        String issuedBy,
        List<MaterialToSupply> toSupply,
        String legalBasis,
        String documentNumber) {

    /** The note printed under the list, in the reader's language. */
    public static final MessageKey LEGAL_NOTE = new MessageKey("casework.correction.note");

    public CorrectionNotice {
        toSupply = List.copyOf(toSupply);
        if (toSupply.isEmpty()) {
            throw new IllegalArgumentException("a correction notice lists what to supply");
        }
    }

    /** Whether the notice asked for the material. */
    public boolean asksFor(String materialCode) {
        return toSupply.stream().anyMatch(m -> m.code().equals(materialCode));
    }
}
