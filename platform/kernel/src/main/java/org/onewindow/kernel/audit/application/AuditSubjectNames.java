package org.onewindow.kernel.audit.application;

import java.util.Map;
import java.util.Set;

/**
 * How a module names the objects its audit entries are about ({@code subject_type} and {@code subject_id} of the
 * trail), so that the audit page shows a case by its number and an item by its name without reading the module's
 * tables (STYLE 12): a module implements it as a bean for the subject types it records, the audit trail asks it for a
 * page's ids at once.
 */
public interface AuditSubjectNames {

    /** The subject types this bean names, e.g. {@code case_file}. */
    Set<String> subjectTypes();

    /**
     * The name of each of {@code ids} (subject ids of one of {@link #subjectTypes()}) that the caller's scope holds;
     * an id without a name (removed, or outside the scope) is left out.
     */
    Map<String, String> names(String subjectType, Set<String> ids);
}
