package org.onewindow.ui.clerk.cases;

/** The clerk pages' own texts ({@code org/onewindow/ui/clerk*.properties}), known to pages as {@code #{k[...]}}. */
final class ClerkText {

    static final String VAR = "k";

    private ClerkText() {}
}
