package org.onewindow.casework.domain;

/**
 * Someone acting for the applicant (代办人), e.g. a village's agent (村代办员), with the authorisation recorded.
 *
 * @param name the agent's name
 * @param identifier the agent's resident ID number (masked in {@link #toString()})
 * @param authorisation the recorded authorisation (委托书) reference: its number or the upload's reference
 * @throws org.onewindow.kernel.error.DomainException {@code casework.agent.name.required},
 *     {@code casework.agent.identifier.required}, {@code casework.agent.authorisation.required}
 */
public record Agent(String name, String identifier, String authorisation) {

    public Agent {
        name = Texts.required(name, "casework.agent.name.required");
        identifier = Texts.required(identifier, "casework.agent.identifier.required");
        authorisation = Texts.required(authorisation, "casework.agent.authorisation.required");
    }

    @Override
    public String toString() {
        return "Agent[" + name + ", " + Texts.masked(identifier) + ", " + authorisation + "]";
    }
}
