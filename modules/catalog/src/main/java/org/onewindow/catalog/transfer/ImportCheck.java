package org.onewindow.catalog.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.catalog.domain.ElementProblem;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.ItemRules;

/**
 * The check of an import before anything is stored (导入校验): every item by the catalog's {@link ItemRules}, as a
 * draft is checked, each problem placed at its row and cell; and the file's own rule, each item code once per file.
 */
final class ImportCheck {

    private ImportCheck() {}

    /** What is wrong with the items, in file order; empty when all may be stored. */
    static List<RowError> check(List<ImportedItem> items, ItemRules rules) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Where> firstSeen = new HashMap<>();
        for (ImportedItem item : items) {
            for (ElementProblem problem : rules.check(item.elements())) {
                errors.add(where(item, problem.material())
                        .error(
                                problem.element(),
                                problem.key(),
                                problem.arguments().toArray()));
            }
            String code = item.code();
            if (!code.isEmpty()) {
                Where first = firstSeen.putIfAbsent(code, item.where());
                if (first != null) {
                    errors.add(
                            item.where().error(ItemElements.CODE, "catalog.import.code.duplicate", code, first.row()));
                }
            }
        }
        return errors;
    }

    /** The item's row, or its material's: a workbook's row on the materials sheet, a JSON item's {@code materials[n]}. */
    private static Where where(ImportedItem item, int material) {
        if (material < 0) {
            return item.where();
        }
        return material < item.materials().size()
                ? item.materials().get(material)
                : item.where().material(material + 1);
    }
}
