package org.onewindow.kernel.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
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

    private static final String READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

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
        check(password);
        return hash.generate(password.toCharArray());
    }

    /**
     * Refuses a password {@link #hash} would refuse, without the cost of hashing it.
     *
     * @throws DomainException 400 {@code password.too.short}, or a text rule's refusal (control characters, too long)
     */
    public static void check(String password) {
        TextRule.clean("password", password, TextField.secret(MAX_LENGTH));
        if (password == null || password.length() < MIN_LENGTH) {
            throw new DomainException("password.too.short", MIN_LENGTH);
        }
    }

    /**
     * A new initial password of 12 characters from a secure random source, without the characters people misread (0
     * O o, 1 l I): for an account whose administrator did not choose one. Its holder must replace it at the first
     * login.
     */
    public static String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
        }
        return password.toString();
    }

    public boolean matches(String password, String stored) {
        return password != null && hash.verify(password.toCharArray(), stored);
    }

    /** Spends the time of one verification, so that an unknown user answers as slowly as a known one. */
    public void verifyNothing(String password) {
        hash.verify((password == null ? "" : password).toCharArray(), dummy);
    }
}
