package org.onewindow.catalog.domain;

import java.util.List;
import org.onewindow.kernel.error.FieldError;
import org.onewindow.kernel.error.FieldsRefusedException;

/**
 * An item whose elements break the rules of {@link ItemRules} (事项要素不合规), every broken rule listed with its
 * element: REST answers 400 with one {@code errors[]} entry per element, the console shows each beside the
 * elements. The message of the whole is the one rule's own when only one is broken, else how many are.
 */
public class ItemRefused extends FieldsRefusedException {

    private final transient List<ElementProblem> problems;

    /** @param problems at least one */
    public ItemRefused(List<ElementProblem> problems) {
        super(
                problems.size() == 1 ? problems.get(0).key() : "catalog.item.refused",
                problems.size() == 1 ? problems.get(0).arguments() : List.of(problems.size()),
                problems.stream()
                        .map(p -> new FieldError(p.path(), p.key(), p.arguments()))
                        .toList());
        this.problems = List.copyOf(problems);
    }

    public List<ElementProblem> problems() {
        return problems;
    }
}
