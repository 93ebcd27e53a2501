package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onewindow.catalog.infrastructure.CatalogRepository;
import org.onewindow.kernel.audit.application.AuditSubjectNames;

/**
 * A catalog item in the audit trail by its standard name with its key ({@code 城乡居民基本养老保险参保登记（RS-0001/3）}):
 * a version of a standard item ({@code item_version}, "code/number") and a division's adjustment of an item ({@code
 * item_override}, "division/code"). Standard items are the same for every county, so every reader may see the name.
 */
@ApplicationScoped
public class CatalogAuditNames implements AuditSubjectNames {

    private static final Pattern ITEM_CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]{4}");

    @Inject
    CatalogRepository repository;

    @Override
    public Set<String> subjectTypes() {
        return Set.of("item_version", "item_override");
    }

    @Override
    public Map<String, String> names(String subjectType, Set<String> ids) {
        Map<String, String> byCode = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (String id : ids) {
            Matcher code = ITEM_CODE.matcher(id);
            if (!code.find()) {
                continue;
            }
            String name = byCode.computeIfAbsent(
                    code.group(),
                    c -> repository
                            .published(c)
                            .map(item -> item.toDomain().elements().getString("name", ""))
                            .orElse(""));
            if (!name.isEmpty()) {
                names.put(id, name + "（" + id + "）");
            }
        }
        return names;
    }
}
