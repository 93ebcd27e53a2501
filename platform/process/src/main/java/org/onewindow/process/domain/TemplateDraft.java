package org.onewindow.process.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * A draft of a process template (流程模板草稿): the BPMN text a tier or the standards team is preparing, already
 * checked by {@link TemplateRules}. Publishing it deploys the next version and ends the draft. Its lock version
 * keeps two people from overwriting each other's draft.
 */
@Entity
@Table(name = "process_template_draft")
@IdClass(TemplateDraft.Key.class)
public class TemplateDraft {

    /** The owner (a division code or {@link TemplateTenants#STANDARD}) and the template key. */
    public record Key(String ownerTenant, String templateKey) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "owner_tenant", nullable = false, updatable = false)
    private String ownerTenant;

    @Id
    @Column(name = "template_key", nullable = false, updatable = false)
    private String templateKey;

    @Column(nullable = false)
    private String bpmn;

    @Version
    private int version;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TemplateDraft() {}

    public TemplateDraft(String ownerTenant, String templateKey, String bpmn, String author, Instant now) {
        this.ownerTenant = ownerTenant;
        this.templateKey = templateKey;
        replace(bpmn, author, now);
    }

    public void replace(String bpmn, String author, Instant now) {
        this.bpmn = bpmn;
        this.updatedBy = author;
        this.updatedAt = now;
    }

    public String ownerTenant() {
        return ownerTenant;
    }

    public String templateKey() {
        return templateKey;
    }

    public String bpmn() {
        return bpmn;
    }

    public int version() {
        return version;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
