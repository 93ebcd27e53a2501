package org.onewindow.casework.domain;

import java.util.List;

/**
 * The result of checking an application's materials: complete, or the full list of what must be supplied, which a
 * correction notice (补正通知书) tells the applicant at once (一次性告知, §32).
 */
public sealed interface ChecklistOutcome {

    boolean complete();

    /** Every mandatory material is there; the case may be accepted. */
    record Complete() implements ChecklistOutcome {
        @Override
        public boolean complete() {
            return true;
        }
    }

    /**
     * What is missing or not in the legal form, in the order of the item's materials; never empty.
     *
     * @param toSupply every mandatory material missing or not conforming
     */
    record Incomplete(List<MaterialToSupply> toSupply) implements ChecklistOutcome {
        public Incomplete {
            toSupply = List.copyOf(toSupply);
            if (toSupply.isEmpty()) {
                throw new IllegalArgumentException("an incomplete checklist lists what is missing");
            }
        }

        @Override
        public boolean complete() {
            return false;
        }
    }
}
