package org.onewindow.kernel.personaldata.domain;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * A resident ID number as an entity stores it (GB/T 35273-2020 §6.3: sensitive personal information
 * encrypted at rest): three columns, none of which holds the number in clear.
 *
 * <ul>
 *   <li>{@code id_number_sealed}: AES-256-GCM ciphertext with its format and key id, {@code
 *       pd1:<key id>:<base64url(IV ‖ ciphertext ‖ tag)>}, about 75 characters;
 *   <li>{@code id_number_lookup}: HMAC-SHA256 of the number under the lookup key, 64 hexadecimal
 *       digits, to find a person's records with an index and without decrypting
 *       ({@code where id_number_lookup in :hashes}, the hashes from {@code
 *       PersonalDataProtector.lookupHashes});
 *   <li>{@code id_number_masked}: {@code 370321********1234}, what queues and case pages show, so a
 *       list of thousands of rows decrypts nothing.
 * </ul>
 *
 * <p>Made and opened only by {@code PersonalDataProtector} ({@code protect}, {@code reveal}): the
 * encryption is explicit in the service layer rather than hidden in an {@code AttributeConverter}
 * (see that class for why). An entity embeds it as {@code @Embedded} with {@code @AttributeOverride}s
 * when it holds more than one number (applicant and agent); the persistence unit lists this class.
 */
@Embeddable
@Access(AccessType.FIELD)
public class ProtectedIdNumber implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Column(name = "id_number_sealed", length = 128)
    private String sealed;

    @Column(name = "id_number_lookup", length = 64)
    private String lookupHash;

    @Column(name = "id_number_masked", length = 18)
    private String masked;

    /** For JPA. */
    protected ProtectedIdNumber() {}

    ProtectedIdNumber(String sealed, String lookupHash, String masked) {
        this.sealed = sealed;
        this.lookupHash = lookupHash;
        this.masked = masked;
    }

    /** The ciphertext with its format version and key id. */
    public String sealed() {
        return sealed;
    }

    /** HMAC-SHA256 of the number, 64 lowercase hexadecimal digits. */
    public String lookupHash() {
        return lookupHash;
    }

    /** First 6 and last 4 characters: {@code 370321********1234}. */
    public String masked() {
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProtectedIdNumber that
                && Objects.equals(sealed, that.sealed)
                && Objects.equals(lookupHash, that.lookupHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sealed, lookupHash);
    }

    @Override
    public String toString() {
        return String.valueOf(masked);
    }
}
