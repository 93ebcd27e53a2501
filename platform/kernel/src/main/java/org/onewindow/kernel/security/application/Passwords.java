package org.onewindow.kernel.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.text.TextField;
import org.onewindow.kernel.text.TextRule;

/** Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA256); each hash records its own parameters. */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;

    /** Longer is no password a person types; PBKDF2 would only spend time on it. */
    public static final int MAX_LENGTH = 200;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "onewindow.password.iterations", defaultValue = "210000")
    int iterations;

    private String dummy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16"));
        dummy = hash.generate("not-a-password".toCharArray());
    }

    public String hash(String password) {
        TextRule.clean("password", password, TextField.secret(MAX_LENGTH));
        if (password == null || password.length() < MIN_LENGTH) {
            throw new DomainException("password.too.short", MIN_LENGTH);
        }
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String stored) {
        return password != null && hash.verify(password.toCharArray(), stored);
    }

    /** Spends the time of one verification, so that an unknown user answers as slowly as a known one. */
    public void verifyNothing(String password) {
        hash.verify((password == null ? "" : password).toCharArray(), dummy);
    }
}
