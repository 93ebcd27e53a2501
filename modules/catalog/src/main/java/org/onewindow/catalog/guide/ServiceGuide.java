package org.onewindow.catalog.guide;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The service guide (办事指南) of an item as one place offers it: everything an applicant needs before coming, in
 * one language, already worded. The guide page and the PDF both print exactly this, so they cannot drift apart.
 *
 * @param tenantCode the place whose effective item this is
 * @param tenantName its official name
 * @param itemCode the item code
 * @param itemName the item name
 * @param standardVersion the standard version the guide is built on
 * @param locale the language the texts are in
 * @param sections the facts, section by section (basic information, conditions, time limits, fees, ...)
 * @param materials the materials to bring, the standard's first, then optional local ones
 */
public record ServiceGuide(
        String tenantCode,
        String tenantName,
        String itemCode,
        String itemName,
        int standardVersion,
        Locale locale,
        List<Section> sections,
        List<Material> materials) {

    public ServiceGuide {
        sections = List.copyOf(sections);
        materials = List.copyOf(materials);
    }

    /** A titled group of facts; {@code key} is stable across languages (for anchors and tests). */
    public record Section(String key, String title, List<Fact> facts) {
        public Section {
            facts = List.copyOf(facts);
        }

        /**
         * Whether the section is one fact labelled as the section itself (申请条件 under 申请条件): the page and the PDF
         * then show its values without repeating the label beside them.
         */
        public boolean labelRepeatsTitle() {
            return facts.size() == 1 && facts.get(0).label().equals(title);
        }
    }

    /**
     * One line of the guide: a label and its values (a list when the element is one, e.g. the legal basis).
     *
     * @param key the element it shows, e.g. {@code legalBasis}
     * @param label the worded label
     * @param values the worded values, at least one
     * @param local who adapted it for the place (e.g. "镇级调整"), empty when it is the standard's
     */
    public record Fact(String key, String label, List<String> values, String local) {
        public Fact {
            values = List.copyOf(values);
        }
    }

    /**
     * A material (申请材料) as the applicant reads it.
     *
     * @param name what to bring
     * @param form original, copy or electronic, worded
     * @param copies how many
     * @param mandatory whether it is required
     * @param mandatoryText the same, worded
     * @param sources where it can come from, worded
     * @param governmentHolds whether the government already holds it (e-licence or shared data): no need to bring it
     * @param note the standard's or the place's remark, empty when none
     * @param local whether a place added it (always optional)
     */
    public record Material(
            String name,
            String form,
            int copies,
            boolean mandatory,
            String mandatoryText,
            String sources,
            boolean governmentHolds,
            String note,
            boolean local) {}

    /** What an applicant reads before the materials: who may apply and what is accepted. */
    private static final Set<String> BEFORE_MATERIALS = Set.of("basic", "conditions", "acceptance");

    /** The sections printed before the materials table. */
    public List<Section> sectionsBeforeMaterials() {
        return sections.stream().filter(s -> BEFORE_MATERIALS.contains(s.key())).toList();
    }

    /** The sections printed after the materials table: time limits, fees, how and where. */
    public List<Section> sectionsAfterMaterials() {
        return sections.stream()
                .filter(s -> !BEFORE_MATERIALS.contains(s.key()))
                .toList();
    }

    /** The facts of one section, empty when the guide has no such section. */
    public List<Fact> section(String key) {
        return sections.stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .map(Section::facts)
                .orElse(List.of());
    }
}
