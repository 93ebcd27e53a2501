package org.onewindow.kernel.error;

/**
 * An argument of a message that is itself a message key, rendered in the same language before it is put in: a
 * refusal can name a state or an action ({@code casework.state.IN_REVIEW} → 审查中 / under review) without the code
 * knowing the caller's language.
 *
 * @param key a key of the kernel's or a module's bundle; an unknown key renders as itself
 */
public record MessageKey(String key) {

    @Override
    public String toString() {
        return key;
    }
}
