package org.onewindow.process.domain;

import java.time.Instant;
import java.util.List;

/**
 * A published version of a process template (流程模板) as one tenant gets it: which tenant's version is in force,
 * its version number (versions count per key and tenant, and never change once published), and its steps.
 *
 * @param key the template key the catalog names, e.g. {@code tiered-review}
 * @param name the template's name
 * @param tenant the Flowable tenant the version belongs to: {@link TemplateTenants#STANDARD} or a division code
 * @param source the tier of that tenant
 * @param version the version number within key and tenant
 * @param definitionId the Flowable process definition id (to start instances of exactly this version)
 * @param retired whether the version was retired (no new cases start on it; running ones finish)
 * @param publishedAt when the version was deployed
 * @param steps the steps in document order
 */
public record ProcessTemplate(
        String key,
        String name,
        String tenant,
        TemplateSource source,
        int version,
        String definitionId,
        boolean retired,
        Instant publishedAt,
        List<TemplateStep> steps) {

    public ProcessTemplate {
        steps = List.copyOf(steps);
    }
}
