package org.onewindow.catalog.application;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.onewindow.catalog.domain.ApplicationForm;
import org.onewindow.catalog.domain.EffectiveItem;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.ProcessPlan;
import org.onewindow.kernel.error.FieldsRefusedException;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * An item as one tenant offers it, frozen for another module to keep (a case pins the version it was taken in
 * under): immutable, and nothing of the catalog's own types. The published form other modules read the catalog by.
 *
 * @param code the item code, e.g. {@code MZ-0001}
 * @param version the number of the standard version it is effective under
 * @param offered whether the tenant (or a tier above it) offers the item at all
 * @param elements the effective elements in the catalog's JSON form (the file and API form; see DOMAIN.md)
 */
public record ItemSnapshot(String code, int version, boolean offered, JsonObject elements) {

    static ItemSnapshot of(EffectiveItem item) {
        return new ItemSnapshot(item.standard().code(), item.standard().number(), item.offered(), item.elements());
    }

    /** The item's printed name, or its code when it has none. */
    public String name() {
        return elements.getString("name", code);
    }

    /**
     * How a case of this item taken in at {@code intake} is routed (see {@code ProcessPlan}): the template key, the
     * intake window's group and the review groups in order; empty when the item names no process template.
     */
    public Optional<Routing> routing(DivisionCode intake) {
        if (!(elements.get("process") instanceof JsonObject process)
                || !(process.get("template") instanceof JsonString)) {
            return Optional.empty();
        }
        ProcessPlan plan = ProcessPlan.of(process, intake);
        return Optional.of(new Routing(plan.template(), plan.windowGroup(), plan.reviewGroups()));
    }

    /**
     * The application form (申请表) an applicant fills in here: the standard's with the local fields of the tiers; empty
     * when the item has none.
     */
    public Optional<ApplicationForm> applicationForm() {
        return ApplicationForm.of(elements);
    }

    /**
     * An application form filled in, in plain JSON for the module that keeps it.
     *
     * @param definition the form as this item defines it ({@code {"name", "fields"}})
     * @param answers the answers as they are kept: cleaned, ID numbers in full (seal them)
     * @param masked the same answers with ID numbers and phones masked, for every view
     */
    public record FilledForm(JsonObject definition, JsonObject answers, JsonObject masked) {}

    /**
     * Checks an applicant's answers against the item's application form (see {@code ApplicationForm.check}).
     *
     * @param today the day a resident ID's birth date must not be after
     * @return empty when the item has no form
     * @throws FieldsRefusedException {@code catalog.form.answers.refused}, every answer refused with its path
     */
    public Optional<FilledForm> fillApplicationForm(JsonObject answers, LocalDate today) {
        return applicationForm().map(form -> {
            JsonObject kept = form.answers(answers, today);
            return new FilledForm(form.toJson(), kept, form.masked(kept));
        });
    }

    /** The item's legal basis (设定依据) as printed, the articles joined by 、; {@code null} when it names none. */
    public String legalBasis() {
        if (elements.get(ItemElements.LEGAL_BASIS) instanceof jakarta.json.JsonArray basis && !basis.isEmpty()) {
            return basis.getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .collect(Collectors.joining("、"));
        }
        return null;
    }

    /**
     * An item's process plan for one intake tenant, in plain values for other modules.
     *
     * @param template the process template key, e.g. {@code tiered-review}
     * @param windowGroup the intake window's group (the intake tenant's division code)
     * @param reviewGroups the review groups in order: a division code, or {@code countyCode/DEPT} for a department
     */
    public record Routing(String template, String windowGroup, List<String> reviewGroups) {
        public Routing {
            reviewGroups = List.copyOf(reviewGroups);
        }
    }
}
