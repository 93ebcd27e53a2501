package org.onewindow.kernel.personaldata.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;

/**
 * Seals personal data for storage and finds it again without opening it (GB/T 35273-2020 §6.3).
 *
 * <p>Sealing is AES-256-GCM with a fresh random 12-byte IV per value and a 128-bit tag; the stored
 * text is {@code pd1:<key id>:<base64url(IV ‖ ciphertext ‖ tag)>}, and {@code pd1:<key id>} is also
 * the GCM associated data, so changing the header, the IV, the ciphertext or the tag is detected. The
 * lookup hash is HMAC-SHA256 over the normalised value (the 18 characters of a resident ID number,
 * upper-case X) in lowercase hexadecimal: the same value gives the same hash under one key, and
 * nobody without the key can compute it from a guessed number (a plain SHA-256 of the 10^11 possible
 * ID numbers is searched in minutes).
 *
 * <p>Keys rotate: the current key seals and hashes; retired keys only open and hash, so values sealed
 * before a rotation remain readable and findable until they are re-sealed ({@link #rekey}).
 *
 * <p>Thread-safe. A value that cannot be opened (tampered, truncated, an unknown key or format) is a
 * {@link DomainException} of kind {@code CONFLICT}, key {@code personaldata.unreadable}, so the clerk
 * sees a sentence and an operator the reason in the log, never the value.
 */
public final class PersonalDataCipher {

    private static final Logger LOG = Logger.getLogger(PersonalDataCipher.class.getName());

    static final String FORMAT = "pd1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonalDataKey current;
    private final Map<String, PersonalDataKey> keysById = new LinkedHashMap<>();
    private final SecureRandom random;

    /**
     * @param current seals and hashes
     * @param retired open and hash values sealed before a rotation; may be empty
     */
    public PersonalDataCipher(PersonalDataKey current, List<PersonalDataKey> retired) {
        this(current, retired, new SecureRandom());
    }

    PersonalDataCipher(PersonalDataKey current, List<PersonalDataKey> retired, SecureRandom random) {
        this.current = Objects.requireNonNull(current, "current");
        this.random = random;
        keysById.put(current.id(), current);
        for (PersonalDataKey key : retired) {
            keysById.putIfAbsent(key.id(), key);
        }
    }

    /** The id of the key that seals now. */
    public String currentKeyId() {
        return current.id();
    }

    /** Encrypts {@code plaintext} (any Unicode, e.g. a name with 𠮷) under the current key. */
    public String seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        String header = FORMAT + ":" + current.id();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, current.encryptionKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return header + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    }

    /**
     * Decrypts a value made by {@link #seal} under the current or a retired key.
     *
     * @throws DomainException {@code personaldata.unreadable} when it was changed, cut or sealed under
     *     a key this cipher does not hold
     */
    public String open(String sealed) {
        if (sealed == null) {
            throw unreadable("no value");
        }
        String[] parts = sealed.split(":", -1);
        if (parts.length != 3 || !parts[0].equals(FORMAT)) {
            throw unreadable("not in format " + FORMAT);
        }
        PersonalDataKey key = keysById.get(parts[1]);
        if (key == null) {
            // Only a well-formed id goes to the log: the header of a damaged row could hold anything.
            String id = parts[1].matches("[0-9a-f]{8}") ? parts[1] : "(malformed)";
            throw unreadable("sealed under key id " + id + ", which is not configured");
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw unreadable("payload is not base64url");
        }
        if (payload.length < IV_BYTES + TAG_BITS / 8) {
            throw unreadable("payload too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.encryptionKey(), new GCMParameterSpec(TAG_BITS, payload, 0, IV_BYTES));
            cipher.updateAAD((parts[0] + ":" + parts[1]).getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw unreadable("authentication tag does not match (changed, or another key with the same id)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    }

    /** Whether {@code sealed} was sealed under the current key (else {@link #rekey} it when convenient). */
    public boolean isCurrent(String sealed) {
        return sealed != null && sealed.startsWith(FORMAT + ":" + current.id() + ":");
    }

    /** HMAC-SHA256 of {@code normalised} under the current key, 64 lowercase hexadecimal digits. */
    public String lookupHash(String normalised) {
        return lookupHash(current, normalised);
    }

    /**
     * The hashes of {@code normalised} under every key held, the current one first: a query matching
     * any of them also finds records stored before a rotation and not yet re-sealed.
     */
    public List<String> lookupHashes(String normalised) {
        List<String> hashes = new ArrayList<>(keysById.size());
        for (PersonalDataKey key : keysById.values()) {
            hashes.add(lookupHash(key, normalised));
        }
        return List.copyOf(hashes);
    }

    private static String lookupHash(PersonalDataKey key, String normalised) {
        Objects.requireNonNull(normalised, "normalised");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.lookupKey());
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Sealed, hashed and masked for storage. */
    public ProtectedIdNumber protect(ResidentIdNumber number) {
        return new ProtectedIdNumber(seal(number.fullNumber()), lookupHash(number.fullNumber()), number.masked());
    }

    /**
     * The full number back. Callers show it only to a role that needs it and record that it was
     * viewed; see {@code PersonalDataProtector.reveal}.
     *
     * @throws DomainException {@code personaldata.unreadable} as {@link #open}, also when what opens
     *     is no longer a valid number
     */
    public ResidentIdNumber reveal(ProtectedIdNumber stored) {
        Objects.requireNonNull(stored, "stored");
        String text = open(stored.sealed());
        try {
            return ResidentIdNumber.restore(text);
        } catch (DomainException e) {
            throw unreadable("the opened value is not a valid resident ID number (" + e.key() + ")");
        }
    }

    /** Whether {@code stored} was sealed under a retired key. */
    public boolean needsRekey(ProtectedIdNumber stored) {
        return !isCurrent(stored.sealed());
    }

    /** {@code stored} sealed and hashed again under the current key (for a rotation job). */
    public ProtectedIdNumber rekey(ProtectedIdNumber stored) {
        return protect(reveal(stored));
    }

    private static DomainException unreadable(String reason) {
        LOG.warning(() -> "Stored personal data could not be opened: " + reason);
        return new DomainException(DomainException.Kind.CONFLICT, "personaldata.unreadable");
    }
}
