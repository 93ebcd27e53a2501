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
 * @param legalBasis the basis it cites, {@link LegalBasis#forCorrection}: §32 for a licence, else the item's own
 *     (设定依据); empty for such an item the catalog gives none
 * @param documentNumber its number in the county's series of the year ({@link DocumentSeries#CORRECTION},
 *     {@code 370321补正〔2026〕000001号}); {@code null} only for a notice issued before notices were numbered
 */
public record CorrectionNotice(
        LocalDate issuedOn,
        String issuedBy,
        List<MaterialToSupply> toSupply,
        String legalBasis,
        String documentNumber) {

    /** The note printed under the list of a licence's notice (citing §32), in the reader's language. */
    public static final MessageKey LEGAL_NOTE = new MessageKey("casework.correction.note");

    /** The note printed under the list of any other item's notice, citing no law. */
    public static final MessageKey GENERAL_NOTE = new MessageKey("casework.correction.note.general");

    /** The note for a notice of {@code item}: {@link #LEGAL_NOTE} for a licence, else {@link #GENERAL_NOTE}. */
    public static MessageKey note(ItemSnapshot item) {
        return item.licence() ? LEGAL_NOTE : GENERAL_NOTE;
    }

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
