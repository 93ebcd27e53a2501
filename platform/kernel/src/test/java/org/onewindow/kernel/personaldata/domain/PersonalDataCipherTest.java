package org.onewindow.kernel.personaldata.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;

/**
 * ID numbers and other personal data are sealed with AES-GCM under a key with an id, found by a keyed
 * hash, and refused when anything of the stored text was changed.
 */
class PersonalDataCipherTest {

    private static final PersonalDataKey KEY = key(1);
    private static final PersonalDataKey OTHER_KEY = key(2);
    private static final ResidentIdNumber NUMBER =
            ResidentIdNumber.parse("370321195803121012", LocalDate.of(2026, 11, 30));

    private static final PersonalDataCipher CIPHER = new PersonalDataCipher(KEY, List.of());

    /** A fixed key from a seed, so a test can build "the same key" twice. */
    private static PersonalDataKey key(int seed) {
        byte[] bytes = new byte[PersonalDataKey.LENGTH_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return PersonalDataKey.of(bytes);
    }

    private static DomainException unreadable(PersonalDataCipher cipher, String sealed) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> cipher.open(sealed));
        assertThat(refused).as("%s should not open", sealed).isNotNull();
        assertThat(refused.key()).isEqualTo("personaldata.unreadable");
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        return refused;
    }

    /** The stored text with its payload bytes decoded, one changed, encoded again. */
    private static String withPayloadByteFlipped(String sealed, int index, int bit) {
        int colon = sealed.lastIndexOf(':');
        byte[] payload = Base64.getUrlDecoder().decode(sealed.substring(colon + 1));
        payload[index % payload.length] ^= (byte) (1 << bit);
        return sealed.substring(0, colon + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }

    @Nested
    class Sealing {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"370321195803121012", "𠮷田", "王𠮷祥", "", "山东省淄博市桓台县起凤镇华沟村 12号"})
        void whatIsSealedOpensUnchanged(String plaintext) {
            String sealed = CIPHER.seal(plaintext);

            assertThat(CIPHER.open(sealed)).isEqualTo(plaintext);
        }

        @Test
        void theStoredTextNamesFormatAndKeyAndHidesTheValue() {
            String sealed = CIPHER.seal("370321195803121012");

            assertThat(sealed)
                    .startsWith("pd1:" + KEY.id() + ":")
                    .doesNotContain("370321")
                    .doesNotContain("1012");
            assertThat(KEY.id()).matches("[0-9a-f]{8}");
            assertThat(sealed).hasSizeLessThanOrEqualTo(128);
        }

        @Test
        void twoSealsOfOneValueDiffer() {
            String first = CIPHER.seal("370321195803121012");
            String second = CIPHER.seal("370321195803121012");

            assertThat(first).isNotEqualTo(second);
            assertThat(first.substring(0, 30)).isNotEqualTo(second.substring(0, 30));
            assertThat(CIPHER.open(first)).isEqualTo(CIPHER.open(second));
        }

        @Test
        void theSameKeyBytesOpenWhatAnotherInstanceSealed() {
            String sealed = CIPHER.seal("𠮷田");

            assertThat(new PersonalDataCipher(key(1), List.of()).open(sealed)).isEqualTo("𠮷田");
        }
    }

    @Nested
    class Tampering {

        @Test
        void aChangedByteAnywhereInThePayloadIsRefused() {
            String sealed = CIPHER.seal("370321195803121012");
            int payloadBytes = Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1)).length;

            for (int i = 0; i < payloadBytes; i++) {
                unreadable(CIPHER, withPayloadByteFlipped(sealed, i, 0));
            }
        }

        @Test
        void anotherKeyIdInTheHeaderIsRefusedEvenWhenThatKeyIsHeld() {
            PersonalDataCipher both = new PersonalDataCipher(KEY, List.of(OTHER_KEY));
            String sealed = both.seal("370321195803121012");

            unreadable(both, sealed.replace(KEY.id(), OTHER_KEY.id()));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "370321195803121012", "pd2:00000000:AAAA", "pd1:AAAA", "pd1:%s:***", "pd1:%s:AAAA"})
        void whatIsNotASealedValueIsRefused(String text) {
            unreadable(CIPHER, text.formatted(KEY.id()));
        }

        @Test
        void theLogSaysWhyButNeverTheValue() {
            List<String> logged = new ArrayList<>();
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    logged.add(record.getMessage());
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            Logger logger = Logger.getLogger(PersonalDataCipher.class.getName());
            logger.addHandler(handler);
            try {
                String sealed = CIPHER.seal("370321195803121012");

                unreadable(CIPHER, withPayloadByteFlipped(sealed, 20, 3));
                unreadable(CIPHER, "370321195803121012");
            } finally {
                logger.removeHandler(handler);
            }

            assertThat(logged).hasSize(2).noneMatch(line -> line.contains("19580312"));
            assertThat(logged.get(0)).contains("authentication tag");
        }

        @Test
        void nullIsRefused() {
            unreadable(CIPHER, null);
        }

        @Test
        void aValueSealedUnderAnUnknownKeyIsRefusedWithASentence() {
            String sealed = new PersonalDataCipher(OTHER_KEY, List.of()).seal("370321195803121012");

            DomainException refused = unreadable(CIPHER, sealed);

            assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused))
                    .isEqualTo("无法读取加密保存的个人信息（数据已损坏或密钥不符），请联系系统管理员");
            assertThat(Messages.format(Locale.ENGLISH, refused)).startsWith("Stored personal data cannot be decrypted");
        }
    }

    @Nested
    class LookupHash {

        @Test
        void theHashIsStableUnderOneKeyAndDiffersUnderAnother() {
            String hash = CIPHER.lookupHash("370321195803121012");

            assertThat(hash).matches("[0-9a-f]{64}");
            assertThat(new PersonalDataCipher(key(1), List.of()).lookupHash("370321195803121012"))
                    .isEqualTo(hash);
            assertThat(new PersonalDataCipher(OTHER_KEY, List.of()).lookupHash("370321195803121012"))
                    .isNotEqualTo(hash);
            assertThat(CIPHER.lookupHash("370303198709212146")).isNotEqualTo(hash);
        }

        @Test
        void theHashIsNotAPlainDigestOfTheNumber() throws Exception {
            String plain = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest("370321195803121012".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

            assertThat(CIPHER.lookupHash("370321195803121012")).isNotEqualTo(plain);
        }

        @Test
        void theLookupAndEncryptionKeysAreNotTheMasterKey() {
            assertThat(KEY.encryptionKey().getEncoded())
                    .isNotEqualTo(KEY.lookupKey().getEncoded());
            assertThat(KEY.encryptionKey().getEncoded()).hasSize(32);
        }
    }

    @Nested
    class Rotation {

        private final PersonalDataCipher before = new PersonalDataCipher(OTHER_KEY, List.of());
        private final PersonalDataCipher after = new PersonalDataCipher(KEY, List.of(OTHER_KEY));

        @Test
        void aRetiredKeyStillOpensAndFindsOlderValues() {
            ProtectedIdNumber old = before.protect(NUMBER);

            assertThat(after.reveal(old)).isEqualTo(NUMBER);
            assertThat(after.needsRekey(old)).isTrue();
            assertThat(after.lookupHashes(NUMBER.fullNumber()))
                    .containsExactly(after.lookupHash(NUMBER.fullNumber()), old.lookupHash());
        }

        @Test
        void rekeyingSealsAndHashesUnderTheCurrentKey() {
            ProtectedIdNumber rekeyed = after.rekey(before.protect(NUMBER));

            assertThat(rekeyed.sealed()).startsWith("pd1:" + KEY.id() + ":");
            assertThat(after.needsRekey(rekeyed)).isFalse();
            assertThat(rekeyed.lookupHash()).isEqualTo(after.lookupHash(NUMBER.fullNumber()));
            assertThat(new PersonalDataCipher(KEY, List.of()).reveal(rekeyed)).isEqualTo(NUMBER);
        }

        @Test
        void withoutTheRetiredKeyOlderValuesAreUnreadable() {
            unreadable(new PersonalDataCipher(KEY, List.of()), before.seal(NUMBER.fullNumber()));
        }
    }

    @Nested
    class ProtectedNumbers {

        @Test
        void aProtectedNumberHoldsNoClearDigitsBeyondTheMask() {
            ProtectedIdNumber stored = CIPHER.protect(NUMBER);

            assertThat(stored.masked()).isEqualTo("370321********1012");
            assertThat(stored).hasToString("370321********1012");
            assertThat(stored.sealed()).doesNotContain("19580312");
            assertThat(stored.lookupHash()).isEqualTo(CIPHER.lookupHash("370321195803121012"));
            assertThat(CIPHER.reveal(stored)).isEqualTo(NUMBER);
        }

        @Test
        void aSealedValueThatIsNoIdNumberIsNotRevealedAsOne() {
            ProtectedIdNumber name = new ProtectedIdNumber(CIPHER.seal("𠮷田"), "x", "x");

            DomainException refused = catchThrowableOfType(DomainException.class, () -> CIPHER.reveal(name));

            assertThat(refused.key()).isEqualTo("personaldata.unreadable");
        }
    }

    @Nested
    class Keys {

        @Test
        void aKeyIsBase64OfThirtyTwoBytesInEitherAlphabet() {
            String text = PersonalDataKey.generateBase64(new SecureRandom());
            String urlSafe = text.replace('+', '-').replace('/', '_').replace("=", "");

            assertThat(PersonalDataKey.fromBase64(text).id())
                    .isEqualTo(PersonalDataKey.fromBase64(" " + urlSafe + "\n").id());
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(
                strings = {
                    "",
                    "c2hvcnQ=",
                    "not base64 at all!",
                    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                })
        void anythingElseIsRefusedWithoutRepeatingIt(String text) {
            IllegalArgumentException refused =
                    catchThrowableOfType(IllegalArgumentException.class, () -> PersonalDataKey.fromBase64(text));

            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("32 bytes");
            if (!text.isEmpty()) {
                assertThat(refused.getMessage()).doesNotContain(text);
            }
        }

        @Test
        void aKeyShowsOnlyItsId() {
            assertThat(KEY).hasToString("PersonalDataKey[" + KEY.id() + "]");
            assertThat(KEY.id()).isNotEqualTo(OTHER_KEY.id());
        }
    }

    @Group
    class Properties {

        @Property(tries = 200)
        void anyTextRoundTripsAndTwoSealsDiffer(@ForAll @StringLength(max = 200) String text) {
            String first = CIPHER.seal(text);
            String second = CIPHER.seal(text);

            assertThat(CIPHER.open(first)).isEqualTo(text);
            assertThat(first).isNotEqualTo(second);
        }

        @Property(tries = 300)
        void anySingleBitFlippedIsRefused(
                @ForAll @StringLength(max = 40) String text,
                @ForAll @IntRange(min = 0, max = 10_000) int index,
                @ForAll @IntRange(min = 0, max = 7) int bit) {
            String tampered = withPayloadByteFlipped(CIPHER.seal(text), index, bit);

            unreadable(CIPHER, tampered);
        }
    }
}
