package org.onewindow.casework.domain;

/**
 * Someone acting for the applicant (代办人), e.g. a village's agent (村代办员), with the authorisation recorded.
 *
 * @param name the agent's name
 * @param identifier the agent's resident ID number (masked in {@link #toString()})
 * @param authorisation the recorded authorisation (委托书) reference: its number or the upload's reference
 * @throws org.onewindow.kernel.error.DomainException {@code casework.agent.name.required},
 *     {@code casework.agent.identifier.required}, {@code casework.agent.authorisation.required} and the lengths
 *     ({@code casework.agent.name.length}, {@code casework.agent.authorisation.length})
 */
public record Agent(String name, String identifier, String authorisation) {

    /** The longest authorisation reference kept (characters). */
    public static final int AUTHORISATION_MAX_LENGTH = 200;

    public Agent {
        name = Texts.required(name, "casework.agent.name.required");
        Texts.maxLength(name, Applicant.NAME_MAX_LENGTH, "casework.agent.name.length");
        identifier = Texts.required(identifier, "casework.agent.identifier.required");
        authorisation = Texts.required(authorisation, "casework.agent.authorisation.required");
        Texts.maxLength(authorisation, AUTHORISATION_MAX_LENGTH, "casework.agent.authorisation.length");
    }

    @Override
    public String toString() {
        return "Agent[" + name + ", " + Texts.masked(identifier) + ", " + authorisation + "]";
    }
}
