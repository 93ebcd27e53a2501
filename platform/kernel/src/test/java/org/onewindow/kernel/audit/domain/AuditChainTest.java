package org.onewindow.kernel.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The audit trail of a tenant is a hash chain: each entry names the hash of the one before it, so an
 * entry removed, re-linked or changed in the database is found by walking the chain.
 */
class AuditChainTest {

    private static final String TENANT = "370321106202";
    private static final Instant NOON = Instant.parse("2025-03-01T04:00:00Z");

    private static AuditRecord record(int n) {
        return new AuditRecord(
                TENANT,
                NOON.plusSeconds(n),
                "clerk" + n,
                "tenant.rename",
                "tenant",
                TENANT,
                Json.createObjectBuilder().add("name", "旧名" + n).build(),
                Json.createObjectBuilder()
                        .add("name", "新名" + n)
                        .add("fee", new BigDecimal("1.50"))
                        .build());
    }

    /** Links the records one after another, as the audit service appends them. */
    private static List<AuditEntry> chain(List<AuditRecord> records) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (AuditRecord record : records) {
            AuditEntry entry = AuditChain.link(record, entries.size() + 1, prev);
            entries.add(entry);
            prev = entry.hash();
        }
        return entries;
    }

    private static AuditChain.Verifier verify(List<AuditEntry> entries) {
        AuditChain.Verifier verifier = new AuditChain.Verifier(TENANT);
        entries.forEach(verifier::accept);
        return verifier;
    }

    /** What someone with write access to the table does: change a column and leave the hashes alone. */
    private static void overwrite(AuditEntry entry, String field, Object value) {
        try {
            Field column = AuditEntry.class.getDeclaredField(field);
            column.setAccessible(true);
            column.set(entry, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class Linking {

        @Test
        void theFirstEntryLinksToGenesis() {
            AuditEntry first = AuditChain.link(record(1), 1, AuditChain.GENESIS);

            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.prevHash()).isEqualTo("0".repeat(64));
            assertThat(first.hash()).hasSize(64).matches("[0-9a-f]{64}").isNotEqualTo(AuditChain.GENESIS);
            assertThat(first.tenantCode()).isEqualTo(TENANT);
        }

        @Test
        void theHashIsTheSha256OfTheCanonicalRecord() {
            AuditRecord record = record(1);

            AuditEntry entry = AuditChain.link(record, 1, AuditChain.GENESIS);

            assertThat(entry.hash()).isEqualTo(AuditChain.hash(record.canonical(1, AuditChain.GENESIS)));
        }

        @Test
        void theHashCoversPositionAndPredecessor() {
            AuditRecord record = record(1);
            String somePrev = "a".repeat(64);

            String atOne = AuditChain.link(record, 1, AuditChain.GENESIS).hash();

            assertThat(AuditChain.link(record, 2, AuditChain.GENESIS).hash()).isNotEqualTo(atOne);
            assertThat(AuditChain.link(record, 1, somePrev).hash()).isNotEqualTo(atOne);
            assertThat(AuditChain.link(record, 1, AuditChain.GENESIS).hash()).isEqualTo(atOne);
        }

        @Test
        void theKeyOrderOfTheStatesDoesNotChangeTheHash() {
            JsonObject ordered =
                    Json.createObjectBuilder().add("a", 1).add("b", "二").build();
            JsonObject reversed =
                    Json.createObjectBuilder().add("b", "二").add("a", 1.0).build();
            AuditRecord one = new AuditRecord(TENANT, NOON, "clerk", "x", "t", "1", null, ordered);
            AuditRecord other = new AuditRecord(TENANT, NOON, "clerk", "x", "t", "1", null, reversed);

            assertThat(AuditChain.link(other, 1, AuditChain.GENESIS).hash())
                    .isEqualTo(AuditChain.link(one, 1, AuditChain.GENESIS).hash());
        }

        @Test
        void theTimeIsKeptToTheMicrosecondAsTheDatabaseStoresIt() {
            AuditRecord record = new AuditRecord(
                    TENANT, Instant.parse("2025-03-01T04:00:00.123456789Z"), "clerk", "x", "t", "1", null, null);

            AuditEntry entry = AuditChain.link(record, 1, AuditChain.GENESIS);

            assertThat(record.occurredAt()).isEqualTo(Instant.parse("2025-03-01T04:00:00.123456Z"));
            assertThat(entry.occurredAt()).isEqualTo(record.occurredAt());
        }

        @Test
        void anEntryReadsBackTheRecordItWasHashedFrom() {
            AuditRecord record = record(7);

            AuditEntry entry = AuditChain.link(record, 3, "b".repeat(64));

            assertThat(entry.record().canonical(3, "b".repeat(64))).isEqualTo(record.canonical(3, "b".repeat(64)));
            assertThat(entry.actor()).isEqualTo("clerk7");
            assertThat(entry.action()).isEqualTo("tenant.rename");
            assertThat(entry.subjectType()).isEqualTo("tenant");
            assertThat(entry.subjectId()).isEqualTo(TENANT);
        }

        @Test
        void absentStatesStayAbsent() {
            AuditRecord created = new AuditRecord(TENANT, NOON, "clerk", "tenant.create", "tenant", TENANT, null, null);

            AuditEntry entry = AuditChain.link(created, 1, AuditChain.GENESIS);

            assertThat(entry.before()).isNull();
            assertThat(entry.after()).isNull();
            assertThat(entry.record().before()).isNull();
            assertThat(created.canonical(1, AuditChain.GENESIS)).contains("\"after\":null", "\"before\":null");
        }
    }

    @Nested
    class Verifying {

        @Test
        void anUntouchedChainHolds() {
            List<AuditEntry> entries = chain(List.of(record(1), record(2), record(3), record(4)));

            AuditChain.Verifier verifier = verify(entries);

            assertThat(verifier.firstBrokenLink()).isEmpty();
            assertThat(verifier.checked()).isEqualTo(4);
        }

        @Test
        void anEmptyChainHolds() {
            AuditChain.Verifier verifier = verify(List.of());

            assertThat(verifier.firstBrokenLink()).isEmpty();
            assertThat(verifier.checked()).isZero();
        }

        @Test
        void aReplacedEntryBreaksTheLinkAfterIt() {
            List<AuditEntry> original = chain(List.of(record(1), record(2), record(3)));
            AuditEntry forged = AuditChain.link(record(99), 2, original.get(0).hash());

            AuditChain.Verifier verifier = verify(List.of(original.get(0), forged, original.get(2)));

            assertThat(verifier.firstBrokenLink()).contains(new AuditChain.BrokenLink(TENANT, 3, "audit.broken.prev"));
        }

        @Test
        void aMissingEntryIsReportedAtItsSeq() {
            List<AuditEntry> original = chain(List.of(record(1), record(2), record(3), record(4)));

            AuditChain.Verifier verifier = verify(List.of(original.get(0), original.get(2), original.get(3)));

            assertThat(verifier.firstBrokenLink())
                    .contains(new AuditChain.BrokenLink(TENANT, 2, "audit.broken.missing"));
        }

        @Test
        void aMissingFirstEntryIsReportedAsSeqOne() {
            List<AuditEntry> original = chain(List.of(record(1), record(2)));

            AuditChain.Verifier verifier = verify(List.of(original.get(1)));

            assertThat(verifier.firstBrokenLink())
                    .contains(new AuditChain.BrokenLink(TENANT, 1, "audit.broken.missing"));
        }

        @Test
        void aMissingLastEntryCannotBeSeenButTheCountShowsIt() {
            List<AuditEntry> original = chain(List.of(record(1), record(2), record(3)));

            AuditChain.Verifier verifier = verify(original.subList(0, 2));

            assertThat(verifier.firstBrokenLink()).isEmpty();
            assertThat(verifier.checked()).isEqualTo(2);
        }

        @Test
        void anEntryLinkedToTheWrongPredecessorIsReported() {
            List<AuditEntry> original = chain(List.of(record(1), record(2)));
            AuditEntry relinked = AuditChain.link(record(3), 3, original.get(0).hash());

            AuditChain.Verifier verifier = verify(List.of(original.get(0), original.get(1), relinked));

            assertThat(verifier.firstBrokenLink()).contains(new AuditChain.BrokenLink(TENANT, 3, "audit.broken.prev"));
        }

        @Test
        void aFirstEntryNotLinkedToGenesisIsReported() {
            AuditEntry first = AuditChain.link(record(1), 1, "f".repeat(64));

            AuditChain.Verifier verifier = verify(List.of(first));

            assertThat(verifier.firstBrokenLink()).contains(new AuditChain.BrokenLink(TENANT, 1, "audit.broken.prev"));
        }

        @Test
        void entriesGivenOutOfOrderAreReportedAsAGap() {
            List<AuditEntry> original = chain(List.of(record(1), record(2), record(3)));

            AuditChain.Verifier verifier = verify(List.of(original.get(0), original.get(2), original.get(1)));

            assertThat(verifier.firstBrokenLink())
                    .contains(new AuditChain.BrokenLink(TENANT, 2, "audit.broken.missing"));
        }

        @Test
        void aChangedStateWithTheOldHashIsReportedAsChangedContent() {
            List<AuditEntry> entries = chain(List.of(record(1), record(2), record(3)));
            overwrite(entries.get(1), "after", "{\"name\":\"篡改\"}");

            AuditChain.Verifier verifier = verify(entries);

            assertThat(verifier.firstBrokenLink())
                    .contains(new AuditChain.BrokenLink(TENANT, 2, "audit.broken.content"));
        }

        @Test
        void aChangedActorIsReportedAsChangedContent() {
            List<AuditEntry> entries = chain(List.of(record(1), record(2), record(3)));
            overwrite(entries.get(2), "actor", "someone-else");

            AuditChain.Verifier verifier = verify(entries);

            assertThat(verifier.firstBrokenLink())
                    .contains(new AuditChain.BrokenLink(TENANT, 3, "audit.broken.content"));
        }

        @Test
        void respacingOrReorderingAStoredStateIsNotTampering() {
            List<AuditEntry> entries = chain(List.of(record(1), record(2)));
            overwrite(entries.get(0), "after", "{ \"fee\" : 1.5 ,\n \"name\" : \"新名1\" }");

            AuditChain.Verifier verifier = verify(entries);

            assertThat(verifier.firstBrokenLink()).isEmpty();
        }

        @Test
        void onlyTheFirstBrokenLinkIsReported() {
            List<AuditEntry> entries = chain(List.of(record(1), record(2), record(3), record(4)));
            overwrite(entries.get(1), "actor", "intruder");
            overwrite(entries.get(3), "actor", "intruder");

            AuditChain.Verifier verifier = verify(entries);

            assertThat(verifier.firstBrokenLink())
                    .contains(new AuditChain.BrokenLink(TENANT, 2, "audit.broken.content"));
        }
    }

    @Group
    class Properties {

        @Property(tries = 200)
        void anyChainAsBuiltVerifiesIntact(@ForAll("records") List<AuditRecord> records) {
            List<AuditEntry> entries = chain(records);

            AuditChain.Verifier verifier = verify(entries);

            assertThat(verifier.firstBrokenLink()).isEmpty();
            assertThat(verifier.checked()).isEqualTo(records.size());
        }

        @Property(tries = 200)
        void tamperingAnyOneEntryIsReportedAtExactlyThatEntry(
                @ForAll("records") List<AuditRecord> records, @ForAll @IntRange(min = 0, max = 29) int pick) {
            List<AuditEntry> entries = chain(records);
            AuditEntry victim = entries.get(pick % entries.size());
            JsonObjectBuilder changed = victim.after() == null
                    ? Json.createObjectBuilder()
                    : Json.createObjectBuilder(victim.record().after());
            overwrite(victim, "after", changed.add("tampered", true).build().toString());

            AuditChain.Verifier verifier = verify(entries);

            assertThat(verifier.firstBrokenLink())
                    .contains(new AuditChain.BrokenLink(TENANT, victim.seq(), "audit.broken.content"));
        }

        @Provide
        Arbitrary<List<AuditRecord>> records() {
            return record().list().ofMinSize(1).ofMaxSize(30);
        }

        private Arbitrary<AuditRecord> record() {
            Arbitrary<Instant> times = Arbitraries.longs()
                    .between(0, 4_102_444_800_000_000_000L)
                    .map(nanos -> Instant.ofEpochSecond(0, nanos));
            Arbitrary<String> words = Arbitraries.strings().ofMinLength(1).ofMaxLength(12);
            Arbitrary<JsonObject> states = state().injectNull(0.3);
            return Combinators.combine(times, words, words, words, states, states)
                    .as((time, actor, action, subject, before, after) ->
                            new AuditRecord(TENANT, time, actor, action, "tenant", subject, before, after));
        }

        private Arbitrary<JsonObject> state() {
            Arbitrary<String> keys =
                    Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
            Arbitrary<String> texts = Arbitraries.strings().ofMaxLength(20);
            Arbitrary<BigDecimal> numbers = Arbitraries.bigDecimals()
                    .between(new BigDecimal("-1000"), new BigDecimal("1000"))
                    .ofScale(3);
            return Combinators.combine(keys, texts, keys, numbers, Arbitraries.of(true, false))
                    .as((textKey, text, numberKey, number, flag) -> Json.createObjectBuilder()
                            .add("flag", flag)
                            .add("n_" + numberKey, number)
                            .add("s_" + textKey, text)
                            .add(
                                    "nested",
                                    Json.createObjectBuilder().add("z", text).add("a", number))
                            .build());
        }
    }
}
