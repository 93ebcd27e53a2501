package org.onewindow.kernel.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The hash-chain rule of the audit trail: each link is SHA-256 over its canonical JSON, which names the link before it. */
public final class AuditChain {

    /** The previous hash of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static AuditEntry link(AuditRecord record, long seq, String prevHash) {
        return new AuditEntry(record, seq, prevHash, hash(record.canonical(seq, prevHash)));
    }

    static String hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Checks entries of one tenant, given in sequence order, as a verifier walks them one at a time. */
    public static final class Verifier {
        private final String tenantCode;
        private long expectedSeq = 1;
        private String expectedPrev = GENESIS;
        private BrokenLink broken;

        public Verifier(String tenantCode) {
            this.tenantCode = tenantCode;
        }

        public void accept(AuditEntry entry) {
            if (broken != null) {
                return;
            }
            if (entry.seq() != expectedSeq) {
                broken = new BrokenLink(tenantCode, expectedSeq, "audit.broken.missing");
            } else if (!entry.prevHash().equals(expectedPrev)) {
                broken = new BrokenLink(tenantCode, entry.seq(), "audit.broken.prev");
            } else if (!hash(entry.record().canonical(entry.seq(), entry.prevHash()))
                    .equals(entry.hash())) {
                broken = new BrokenLink(tenantCode, entry.seq(), "audit.broken.content");
            }
            expectedSeq = entry.seq() + 1;
            expectedPrev = entry.hash();
        }

        /** Entries seen so far. */
        public long checked() {
            return expectedSeq - 1;
        }

        public Optional<BrokenLink> firstBrokenLink() {
            return Optional.ofNullable(broken);
        }
    }

    /** The first place a tenant's chain does not hold: an entry missing, re-linked or changed. */
    public record BrokenLink(String tenantCode, long seq, String reasonKey) {}
}
