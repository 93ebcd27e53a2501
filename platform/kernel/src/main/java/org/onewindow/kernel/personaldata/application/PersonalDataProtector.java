package org.onewindow.kernel.personaldata.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;
import org.onewindow.kernel.personaldata.domain.PersonalDataCipher;
import org.onewindow.kernel.personaldata.domain.PersonalDataKey;
import org.onewindow.kernel.personaldata.domain.ProtectedIdNumber;

/**
 * Encryption at rest, lookup hashes and re-keying of sensitive personal information (GB/T 35273-2020
 * §6.3), with the keys from configuration.
 *
 * <p>Keys: {@code onewindow.personaldata.key} (env {@code ONEWINDOW_PERSONALDATA_KEY}), base64 of 32
 * random bytes, the same on every cluster node; {@code onewindow.personaldata.retired-keys}, keys
 * rotated out, comma-separated, still used to open and find older values. Without a configured key a
 * development key is generated on first start into {@code <onewindow.home>/personaldata.key}
 * (readable by its owner only) and reused after, as the token signing key is ({@code SigningKeys}):
 * never committed, never shared. Losing the key loses every value sealed under it, so production
 * configures it and keeps it with the database backups' keys.
 *
 * <p>Why the encryption is explicit here and not in a JPA {@code AttributeConverter}: Jakarta
 * Persistence (since 2.2) lets a converter receive CDI injections in a container, and EclipseLink does
 * so (since the fix of eclipse-ee4j/eclipselink#395), but a converter turns one attribute into one
 * column, while a protected number needs three (ciphertext, lookup hash, masked form), and the
 * service that searches by number must compute the lookup hash anyway. Sealing in the service that
 * takes the number in also keeps the one place where the full number is revealed visible, where the
 * role check and the audit entry belong, and keeps unit tests free of a container.
 *
 * <p>Usage in a module's service: {@code applicant.setIdNumber(protector.protect(number))}; to find:
 * {@code where a.idNumber.lookupHash in :hashes} with {@link #lookupHashes(ResidentIdNumber)}; to
 * show: {@code applicant.idNumber().masked()}; the full number: {@link #reveal}, after checking the
 * caller's role and recording an audit entry.
 */
@ApplicationScoped
public class PersonalDataProtector {

    private static final Logger LOG = Logger.getLogger(PersonalDataProtector.class.getName());
    static final String DEVELOPMENT_KEY_FILE = "personaldata.key";

    @Inject
    @ConfigProperty(name = "onewindow.personaldata.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "onewindow.personaldata.retired-keys")
    Optional<String> retiredKeys;

    @Inject
    @ConfigProperty(name = "onewindow.home", defaultValue = ".onewindow")
    String home;

    private PersonalDataCipher cipher;

    @PostConstruct
    void load() {
        PersonalDataKey current = key(
                configuredKey.filter(k -> !k.isBlank()).orElseGet(this::developmentKey), "onewindow.personaldata.key");
        List<PersonalDataKey> retired = new ArrayList<>();
        for (String text : retiredKeys.orElse("").split(",")) {
            if (!text.isBlank()) {
                retired.add(key(text, "onewindow.personaldata.retired-keys"));
            }
        }
        cipher = new PersonalDataCipher(current, retired);
        LOG.info(() -> "Personal data is sealed under key id " + current.id() + "; " + retired.size()
                + " retired key(s) open older values");
    }

    private static PersonalDataKey key(String text, String property) {
        try {
            return PersonalDataKey.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + ": " + e.getMessage());
        }
    }

    private String developmentKey() {
        Path file = Path.of(home, DEVELOPMENT_KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    // Created owner-only from the start: no moment in which the umask lets others read it.
                    Files.writeString(
                            Files.createFile(file, ownerOnly()),
                            PersonalDataKey.generateBase64(new SecureRandom()) + "\n");
                    LOG.warning(() -> "Generated a development personal-data key at " + file.toAbsolutePath()
                            + ": set onewindow.personaldata.key in production, the same on every node");
                } catch (FileAlreadyExistsException e) {
                    // another node or thread of this machine wrote it first: use theirs
                }
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return Path.of("").getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }

    /** Sealed, hashed and masked, ready to be embedded in an entity. */
    public ProtectedIdNumber protect(ResidentIdNumber number) {
        return cipher.protect(number);
    }

    /**
     * The full number of a stored one. Only for a role that needs it: the caller checks the role and
     * records the viewing in the audit trail (who saw whose number, for which case).
     *
     * @throws DomainException {@code personaldata.unreadable} (kind CONFLICT) when the stored value was
     *     changed or sealed under a key not configured
     */
    public ResidentIdNumber reveal(ProtectedIdNumber stored) {
        return cipher.reveal(stored);
    }

    /** The hashes to search by, current key first: {@code where x.idNumber.lookupHash in :hashes}. */
    public List<String> lookupHashes(ResidentIdNumber number) {
        return cipher.lookupHashes(number.fullNumber());
    }

    /** Encrypts other personal data (a name, an address) for a single text column. */
    public String seal(String plaintext) {
        return cipher.seal(plaintext);
    }

    /**
     * Decrypts what {@link #seal} made.
     *
     * @throws DomainException {@code personaldata.unreadable} as {@link #reveal}
     */
    public String open(String sealed) {
        return cipher.open(sealed);
    }

    /** Whether {@code stored} was sealed under a retired key. */
    public boolean needsRekey(ProtectedIdNumber stored) {
        return cipher.needsRekey(stored);
    }

    /** Sealed and hashed again under the current key, for a rotation job. */
    public ProtectedIdNumber rekey(ProtectedIdNumber stored) {
        return cipher.rekey(stored);
    }

    /** The id of the key that seals now, for operators (never the key). */
    public String currentKeyId() {
        return cipher.currentKeyId();
    }
}
