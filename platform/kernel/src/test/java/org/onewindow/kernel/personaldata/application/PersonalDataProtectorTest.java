package org.onewindow.kernel.personaldata.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;
import org.onewindow.kernel.personaldata.domain.PersonalDataKey;
import org.onewindow.kernel.personaldata.domain.ProtectedIdNumber;

/**
 * The key comes from configuration; without one a development key is generated once into the
 * OneWindow home folder, readable by its owner only, and reused at the next start.
 */
class PersonalDataProtectorTest {

    private static final ResidentIdNumber NUMBER =
            ResidentIdNumber.parse("37032119800101100X", LocalDate.of(2026, 11, 30));

    @TempDir
    Path home;

    private PersonalDataProtector started(String configured, String retired) {
        PersonalDataProtector protector = new PersonalDataProtector();
        protector.configuredKey = Optional.ofNullable(configured);
        protector.retiredKeys = Optional.ofNullable(retired);
        protector.home = home.toString();
        protector.load();
        return protector;
    }

    @Test
    void aConfiguredKeySealsAndNoFileIsWritten() {
        String key = PersonalDataKey.generateBase64(new SecureRandom());

        PersonalDataProtector protector = started(key, null);

        assertThat(protector.currentKeyId())
                .isEqualTo(PersonalDataKey.fromBase64(key).id());
        assertThat(protector.reveal(protector.protect(NUMBER))).isEqualTo(NUMBER);
        assertThat(home.resolve(PersonalDataProtector.DEVELOPMENT_KEY_FILE)).doesNotExist();
    }

    @Test
    void withoutAKeyADevelopmentKeyIsGeneratedOwnerOnlyAndReusedAtTheNextStart() throws IOException {
        ProtectedIdNumber stored = started(null, null).protect(NUMBER);
        Path file = home.resolve(PersonalDataProtector.DEVELOPMENT_KEY_FILE);

        PersonalDataProtector restarted = started("  ", null);

        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(restarted.reveal(stored)).isEqualTo(NUMBER);
        assertThat(restarted.lookupHashes(NUMBER)).containsExactly(stored.lookupHash());
    }

    @Test
    void aKeyInTheWrongShapeStopsTheStartAndIsNotRepeated() {
        IllegalStateException refused =
                catchThrowableOfType(IllegalStateException.class, () -> started("c2VjcmV0LXRvby1zaG9ydA==", null));

        assertThat(refused.getMessage())
                .contains("onewindow.personaldata.key")
                .doesNotContain("c2VjcmV0LXRvby1zaG9ydA==");
    }

    @Test
    void retiredKeysOpenAndFindWhatWasSealedBeforeTheRotation() {
        String old = PersonalDataKey.generateBase64(new SecureRandom());
        String older = PersonalDataKey.generateBase64(new SecureRandom());
        ProtectedIdNumber stored = started(old, null).protect(NUMBER);
        String name = started(older, null).seal("𠮷田");

        PersonalDataProtector rotated =
                started(PersonalDataKey.generateBase64(new SecureRandom()), old + " , " + older);

        assertThat(rotated.reveal(stored)).isEqualTo(NUMBER);
        assertThat(rotated.open(name)).isEqualTo("𠮷田");
        assertThat(rotated.needsRekey(stored)).isTrue();
        assertThat(rotated.lookupHashes(NUMBER)).hasSize(3).contains(stored.lookupHash());
        assertThat(rotated.needsRekey(rotated.rekey(stored))).isFalse();
    }

    @Test
    void noFormOfTheNumberBeyondTheMaskAppearsInToString() {
        PersonalDataProtector protector = started(null, null);
        ProtectedIdNumber stored = protector.protect(NUMBER);

        assertThat(String.valueOf(NUMBER)).isEqualTo("370321********100X");
        assertThat(String.valueOf(stored)).isEqualTo("370321********100X");
        assertThat(List.of(String.valueOf(NUMBER), String.valueOf(stored), stored.sealed()))
                .noneMatch(text -> text.contains("19800101"));
    }
}
