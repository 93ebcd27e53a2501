package org.onewindow.casework.documents;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a printed licence (证照) says, as the licence record keeps it (the e-licence library's source): its number,
 * its type, the holder, the item it was issued under and its validity.
 *
 * @param licenceNumber the licence number (证照编号), e.g. {@code 370321-2026-000001}; not blank
 * @param typeName the licence type's name as printed in the title, e.g. {@code 建筑工程施工许可证}; {@code null} or
 *     blank prints the item's name with 证 (a type the register does not name)
 * @param holderName the holder (持证人): the person's or organisation's name
 * @param holderIdMasked a person's resident ID number, already masked ({@code 370321********1234}); {@code null} for
 *     an organisation
 * @param holderUscc an organisation's unified social credit code; {@code null} for a person
 * @param itemName the item it was issued under, e.g. {@code 建筑工程施工许可证核发}
 * @param validFrom the first day of validity
 * @param validTo the last day of validity; {@code null} for 长期有效
 * @param caseNumber the case it was issued for
 */
public record LicenceFacts(
        String licenceNumber,
        String typeName,
        String holderName,
        String holderIdMasked,
        String holderUscc,
        String itemName,
        LocalDate validFrom,
        LocalDate validTo,
        String caseNumber) {

    public LicenceFacts {
        Objects.requireNonNull(licenceNumber, "licenceNumber");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(itemName, "itemName");
        Objects.requireNonNull(validFrom, "validFrom");
    }
}
