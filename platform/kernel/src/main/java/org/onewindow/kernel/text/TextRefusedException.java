package org.onewindow.kernel.text;

import java.util.List;
import org.onewindow.kernel.error.DomainException;

/**
 * Texts of a request that {@link TextRule} refuses, every one of them: REST answers 400 in the problem shape with
 * one {@code errors[]} entry per field ({@code field}, {@code error}, {@code message}); the message of the whole is
 * the first field's, or how many there are.
 */
public class TextRefusedException extends DomainException {

    private final transient List<TextProblem> problems;

    public TextRefusedException(List<TextProblem> problems) {
        super(
                problems.size() == 1 ? problems.get(0).key() : "text.refused.several",
                problems.size() == 1 ? problems.get(0).arguments().toArray() : new Object[] {problems.size()});
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field");
        }
        this.problems = List.copyOf(problems);
    }

    public List<TextProblem> problems() {
        return problems;
    }
}
