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
        List<RequiredMaterial> materials) {

    public ItemSnapshot {
        code = Texts.required(code, "casework.item.code.required");
        name = Texts.required(name, "casework.item.name.required");
        LegalClock.requireLimits(promisedLimitWorkingDays, statutoryLimitWorkingDays);
        materials = List.copyOf(materials);
        Set<String> seen = new HashSet<>();
        for (RequiredMaterial material : materials) {
            if (!seen.add(material.code())) {
                throw new DomainException("casework.material.duplicate", material.code());
            }
        }
    }
}
