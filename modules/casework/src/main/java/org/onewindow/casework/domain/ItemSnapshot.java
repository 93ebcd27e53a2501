package org.onewindow.casework.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;

/**
 * What a case keeps of the effective item version it was taken in under (事项快照): later standards updates never
 * change it. Filled from the catalog's application service, never from its tables.
 *
 * @param code the item code, e.g. {@code MZ-0001}
 * @param version the version number of the standard item it was effective under
 * @param name the item's name as printed, e.g. {@code 最低生活保障申请}
 * @param onTheSpot an on-the-spot item (即办件), decided at the window
 * @param promisedLimitWorkingDays the promised limit (承诺时限), working days
 * @param statutoryLimitWorkingDays the statutory limit (法定时限), working days; not below the promised one
 * @param materials the materials in their printed order; codes unique
 * @param itemType the catalog's item type (事项类型), e.g. {@code ADMINISTRATIVE_LICENCE} (行政许可),
 *     {@code ADMINISTRATIVE_PAYMENT} (行政给付), {@code PUBLIC_SERVICE} (公共服务); {@code null} when the catalog
 *     names none (and in snapshots taken before the type was kept)
 * @param legalBasis the item's legal basis for its creation (设定依据) as the catalog prints it, e.g.
 *     {@code 《社会救助暂行办法》（国务院令第649号）}; empty when none is given
 * @throws DomainException {@code casework.item.code.required}, {@code casework.item.name.required},
 *     {@code casework.material.duplicate}, and the limit rules of {@link LegalClock#requireLimits}
 */
public record ItemSnapshot(
        String code,
        int version,
        String name,
        boolean onTheSpot,
        int promisedLimitWorkingDays,
        int statutoryLimitWorkingDays,
        List<RequiredMaterial> materials,
        String itemType,
        List<String> legalBasis) {

    /** The catalog's type of an administrative licence (行政许可). */
    public static final String LICENCE = "ADMINISTRATIVE_LICENCE";

    /** A snapshot whose item type and legal basis are not known. */
    public ItemSnapshot(
            String code,
            int version,
            String name,
            boolean onTheSpot,
            int promisedLimitWorkingDays,
            int statutoryLimitWorkingDays,
            List<RequiredMaterial> materials) {
        this(
                code,
                version,
                name,
                onTheSpot,
                promisedLimitWorkingDays,
                statutoryLimitWorkingDays,
                materials,
                null,
                List.of());
    }

    public ItemSnapshot {
        code = Texts.required(code, "casework.item.code.required");
        name = Texts.required(name, "casework.item.name.required");
        LegalClock.requireLimits(promisedLimitWorkingDays, statutoryLimitWorkingDays);
        materials = List.copyOf(materials);
        itemType = itemType == null || itemType.isBlank() ? null : itemType.strip();
        legalBasis = legalBasis == null
                ? List.of()
                : legalBasis.stream()
                        .filter(basis -> basis != null && !basis.isBlank())
                        .map(String::strip)
                        .toList();
        Set<String> seen = new HashSet<>();
        for (RequiredMaterial material : materials) {
            if (!seen.add(material.code())) {
                throw new DomainException("casework.material.duplicate", material.code());
            }
        }
    }

    /**
     * Whether the item is an administrative licence (行政许可), to which the Administrative Licensing Law's rules of
     * acceptance and notice apply (§32). Other items (行政给付, 公共服务, …) follow their own legal basis; an item of
     * unknown type is not presumed a licence, so that no notice cites a law that may not govern it.
     */
    public boolean licence() {
        return LICENCE.equals(itemType);
    }
}
