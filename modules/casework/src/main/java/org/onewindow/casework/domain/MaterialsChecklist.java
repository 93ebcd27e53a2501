package org.onewindow.casework.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;

/**
 * The materials check at intake (材料核验): the item's materials against what the clerk marked. The outcome lists
 * <em>every</em> mandatory material that is missing or not in the legal form, so that one correction notice tells the
 * applicant everything at once (《行政许可法》第三十二条 一次性告知); optional materials never block. A material only
 * the government holds ({@link RequiredMaterial#askedOfApplicant} false: 家庭经济状况核对报告 and the like) is never
 * asked of the applicant: unmarked, the department fetches it itself, and it is never on a correction notice.
 */
public final class MaterialsChecklist {

    private MaterialsChecklist() {}

    /**
     * @param materials the item version's materials, in their printed order
     * @param marks the clerk's marks by material code; a material without a mark is missing, unless only the
     *     government holds it
     * @throws DomainException {@code casework.material.unknown} for a mark on a material the item does not ask for;
     *     {@code casework.material.government.data} for a material marked as satisfied by government data that no
     *     e-licence or shared data provides; {@code casework.material.not.asked} for a material only the government
     *     holds marked as not in the legal form (nothing the applicant could correct)
     */
    public static ChecklistOutcome evaluate(List<RequiredMaterial> materials, Map<String, MaterialMark> marks) {
        Set<String> codes = new HashSet<>();
        materials.forEach(m -> codes.add(m.code()));
        for (String code : marks.keySet()) {
            if (!codes.contains(code)) {
                throw new DomainException("casework.material.unknown", code);
            }
        }
        List<MaterialToSupply> toSupply = new ArrayList<>();
        for (RequiredMaterial material : materials) {
            MaterialMark mark = marks.get(material.code());
            if (mark != null
                    && mark.kind() == MaterialMark.Kind.GOVERNMENT_DATA
                    && !material.governmentDataMaySatisfy()) {
                throw new DomainException("casework.material.government.data", material.name());
            }
            if (!material.askedOfApplicant() && mark != null && mark.kind() == MaterialMark.Kind.NOT_CONFORMING) {
                throw new DomainException("casework.material.not.asked", material.name());
            }
            if (!material.mandatory() || !material.askedOfApplicant()) {
                continue;
            }
            if (mark == null) {
                toSupply.add(new MaterialToSupply(material.code(), material.name(), false, null));
            } else if (!mark.kind().satisfies()) {
                toSupply.add(new MaterialToSupply(material.code(), material.name(), true, mark.note()));
            }
        }
        return toSupply.isEmpty() ? new ChecklistOutcome.Complete() : new ChecklistOutcome.Incomplete(toSupply);
    }
}
