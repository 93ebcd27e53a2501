package org.onewindow.ui.clerk.cases;

import java.io.Serializable;
import java.util.List;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.MaterialSource;
import org.onewindow.casework.domain.RequiredMaterial;

/**
 * One line of the materials checklist (材料清单) as the window shows it: the material of the item version, and the
 * clerk's mark on it (blank: not handed in). Mutable, bound to the checklist's select and note.
 */
public final class MaterialLine implements Serializable {

    private final String code;
    private final String name;
    private final boolean mandatory;
    private final boolean governmentHolds;
    private final boolean applicantBrings;
    private String kind;
    private String note;

    public MaterialLine(String code, String name, boolean mandatory, boolean governmentHolds, boolean applicantBrings) {
        this.code = code;
        this.name = name;
        this.mandatory = mandatory;
        this.governmentHolds = governmentHolds;
        this.applicantBrings = applicantBrings;
    }

    static MaterialLine of(RequiredMaterial material) {
        return new MaterialLine(
                material.code(),
                material.name(),
                material.mandatory(),
                material.governmentDataMaySatisfy(),
                material.sources().contains(MaterialSource.APPLICANT));
    }

    /**
     * The line as intake starts it: what an e-licence or shared data has is marked as satisfied by it
     * ({@link RequiredMaterial#markAtIntake}), so that the applicant is not asked for what the government holds; the
     * clerk changes the mark when the licence or the data is not found.
     */
    static MaterialLine atIntake(RequiredMaterial material) {
        MaterialLine line = of(material);
        material.markAtIntake().ifPresent(mark -> line.kind = mark.kind().name());
        return line;
    }

    /** The line with its stored mark (the case page). */
    static MaterialLine of(RequiredMaterial material, MaterialMark mark) {
        MaterialLine line = of(material);
        if (mark != null) {
            line.kind = mark.kind().name();
            line.note = mark.note();
        }
        return line;
    }

    /**
     * Whether the note is the reference an uploaded scan left ({@code sha256:} and 12 hex digits): the page then says
     * where the scan is, and keeps the reference for whoever checks a file against it.
     */
    public boolean isScanReference() {
        return MaterialMark.Kind.SCANNED_UPLOAD.name().equals(kind) && note != null && note.startsWith("sha256:");
    }

    /**
     * The marks a clerk may choose for this material, the likeliest first (one arrow press): government data only where
     * an e-licence or shared data has it, and first where the applicant is not even asked for it (核对报告 and the like),
     * which then cannot be marked as not in the legal form either.
     */
    public List<MaterialMark.Kind> getKinds() {
        if (!governmentHolds) {
            return List.of(
                    MaterialMark.Kind.PAPER_SEEN, MaterialMark.Kind.SCANNED_UPLOAD, MaterialMark.Kind.NOT_CONFORMING);
        }
        // Not in the legal form is for what the applicant brings: only the government holds the others.
        return applicantBrings
                ? List.of(MaterialMark.Kind.values())
                : List.of(
                        MaterialMark.Kind.GOVERNMENT_DATA,
                        MaterialMark.Kind.PAPER_SEEN,
                        MaterialMark.Kind.SCANNED_UPLOAD);
    }

    /** Whether the clerk marked it at all. */
    public boolean isMarked() {
        return kind != null && !kind.isBlank();
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isMandatory() {
        return mandatory;
    }

    public boolean isGovernmentHolds() {
        return governmentHolds;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
