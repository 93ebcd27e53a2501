package org.onewindow.casework.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;

/**
 * A material (申请材料) the item version asks for, as it was when the case was taken in.
 *
 * @param code the material's code within the item, e.g. {@code HOUSEHOLD_REGISTER}
 * @param name its name as printed on notices, e.g. {@code 居民户口簿}
 * @param mandatory whether the case cannot be accepted without it
 * @param sources where it can come from; at least one
 * @throws DomainException {@code casework.material.code.required}, {@code casework.material.name.required},
 *     {@code casework.material.sources.required}
 */
public record RequiredMaterial(String code, String name, boolean mandatory, Set<MaterialSource> sources) {

    public RequiredMaterial {
        code = Texts.required(code, "casework.material.code.required");
        name = Texts.required(name, "casework.material.name.required", code);
        if (sources == null || sources.isEmpty()) {
            throw new DomainException("casework.material.sources.required", name);
        }
        sources = Set.copyOf(EnumSet.copyOf(sources));
    }

    /** Whether an e-licence or shared data may stand in for the applicant's copy. */
    public boolean governmentDataMaySatisfy() {
        return sources.stream().anyMatch(MaterialSource::isGovernmentData);
    }

    /**
     * Whether the applicant may be asked for it at all: not when no source of it is the applicant, only an e-licence or
     * shared data (家庭经济状况核对报告: "由民政部门通过核对系统获取，不得要求申请人提供"); the department fetches it.
     */
    public boolean askedOfApplicant() {
        return sources.contains(MaterialSource.APPLICANT);
    }

    /**
     * The mark a material starts with at intake: satisfied by government data where an e-licence or shared data has
     * it (the clerk changes it when the licence or the data cannot be found), none otherwise.
     */
    public Optional<MaterialMark> markAtIntake() {
        return governmentDataMaySatisfy() ? Optional.of(MaterialMark.governmentData(null)) : Optional.empty();
    }
}
