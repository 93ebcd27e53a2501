package org.onewindow.kernel.personaldata.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One master key for personal data: 32 random bytes, configured as base64. Two working keys are
 * derived from it with HMAC-SHA256 under fixed labels (a one-block HKDF-Expand, RFC 5869, which is
 * enough for a uniformly random master): one for AES-256-GCM, one for the lookup hash, so the same
 * bytes never serve both ciphers. Its id, also derived, is written in front of every value it seals
 * so that old values stay readable after the key is rotated.
 */
public final class PersonalDataKey {

    public static final int LENGTH_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final String id;
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;

    private PersonalDataKey(byte[] master) {
        if (master.length != LENGTH_BYTES) {
            throw new IllegalArgumentException(
                    "a personal-data key has " + LENGTH_BYTES + " bytes, not " + master.length);
        }
        this.id = HexFormat.of().formatHex(derive(master, "onewindow personal data key id v1"), 0, 4);
        this.encryptionKey = new SecretKeySpec(derive(master, "onewindow personal data encryption v1"), "AES");
        this.lookupKey = new SecretKeySpec(derive(master, "onewindow personal data lookup v1"), HMAC);
    }

    /** A key from its 32 raw bytes (copied; the caller may wipe its array). */
    public static PersonalDataKey of(byte[] master) {
        return new PersonalDataKey(master.clone());
    }

    /**
     * A key from its base64 text (standard or URL alphabet, padding optional, white space
     * ignored).
     *
     * @throws IllegalArgumentException when the text is not base64 of 32 bytes; the message never
     *     repeats the text
     */
    public static PersonalDataKey fromBase64(String text) {
        String compact =
                text == null ? "" : text.replaceAll("\\s", "").replace('-', '+').replace('_', '/');
        byte[] master;
        try {
            master = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a personal-data key must be base64 of " + LENGTH_BYTES + " bytes");
        }
        try {
            return new PersonalDataKey(master);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    /** A fresh random master key as base64, for a development key file or for an operator to configure. */
    public static String generateBase64(SecureRandom random) {
        byte[] master = new byte[LENGTH_BYTES];
        random.nextBytes(master);
        try {
            return Base64.getEncoder().encodeToString(master);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(master, HMAC));
            mac.update(label.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(new byte[] {1});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** 8 hexadecimal digits naming this key in sealed values; reveals nothing of the key. */
    public String id() {
        return id;
    }

    SecretKeySpec encryptionKey() {
        return encryptionKey;
    }

    SecretKeySpec lookupKey() {
        return lookupKey;
    }

    @Override
    public String toString() {
        return "PersonalDataKey[" + id + "]";
    }
}
