package org.onewindow.catalog.transfer;

/**
 * What an import did with one item: a new code became version 1, in force at once ({@code CREATED}); a changed
 * item got its next version as a draft, for the standards team to preview and publish ({@code DRAFTED}); an item
 * equal to its version in force was left alone ({@code UNCHANGED}).
 */
public record ImportOutcome(String code, int version, Result result) {

    public enum Result {
        CREATED,
        DRAFTED,
        UNCHANGED
    }
}
