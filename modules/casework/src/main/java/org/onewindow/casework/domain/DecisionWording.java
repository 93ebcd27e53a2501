package org.onewindow.casework.domain;

/**
 * How a decision is named for the kind of item decided (事项类型). An administrative licence (行政许可) is granted or
 * refused under the Administrative Licensing Law (§38: 准予 / 不予行政许可决定书); a benefit (行政给付, e.g. 最低生活保障)
 * is not a licence, so its decision grants or refuses the benefit (准予给付 / 不予给付, 给付决定书); any other item
 * (公共服务, 行政确认, or one whose type the catalog does not give) is approved or not in neutral words (批准, 审批决定书),
 * so that no case and no letter names a law that may not govern it.
 */
public enum DecisionWording {
    /** 行政许可: 准予许可 / 不予许可. */
    LICENCE,
    /** 行政给付: 准予给付 / 不予给付. */
    BENEFIT,
    /** Any other item: 已批准 / 不予批准. */
    GENERAL;

    /** The catalog's item type of a benefit (行政给付). */
    public static final String BENEFIT_TYPE = "ADMINISTRATIVE_PAYMENT";

    /** The wording for an item of the catalog's type, e.g. {@code ADMINISTRATIVE_LICENCE}; {@code null} reads general. */
    public static DecisionWording of(String itemType) {
        if (ItemSnapshot.LICENCE.equals(itemType)) {
            return LICENCE;
        }
        return BENEFIT_TYPE.equals(itemType) ? BENEFIT : GENERAL;
    }

    /** The wording for the item a case was taken in under. */
    public static DecisionWording of(ItemSnapshot item) {
        return of(item.itemType());
    }

    /**
     * The message key of a state's name ({@code casework.state.*} of the casework bundle): a decided state worded for
     * the item ({@code casework.state.DECIDED_APPROVED.BENEFIT} = 准予给付), any other state as it is.
     *
     * @param state a {@link CaseState}'s name
     */
    public String stateKey(String state) {
        return worded(
                "casework.state.",
                state,
                CaseState.DECIDED_APPROVED.name().equals(state)
                        || CaseState.DECIDED_REJECTED.name().equals(state));
    }

    /**
     * The message key of a decision's name as the item words it: {@code casework.state.DECIDED_APPROVED} (准予许可) for
     * a licence, {@code casework.state.DECIDED_APPROVED.BENEFIT} (准予给付) for a benefit, … {@code DECIDED_REJECTED}
     * likewise.
     */
    public String decisionKey(boolean approved) {
        return stateKey((approved ? CaseState.DECIDED_APPROVED : CaseState.DECIDED_REJECTED).name());
    }

    /**
     * The message key of an action's name on the timeline ({@code casework.action.*}): approving and rejecting worded
     * for the item ({@code casework.action.APPROVE.BENEFIT} = 准予给付), any other action as it is.
     *
     * @param action a {@link CaseAction}'s name
     */
    public String actionKey(String action) {
        return worded(
                "casework.action.",
                action,
                CaseAction.APPROVE.name().equals(action)
                        || CaseAction.REJECT.name().equals(action));
    }

    private String worded(String prefix, String name, boolean decides) {
        return decides && this != LICENCE ? prefix + name + "." + name() : prefix + name;
    }
}
