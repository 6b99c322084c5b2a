package org.rongtong.demand.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.rongtong.events.CloseReason;
import org.rongtong.events.ProposalStatus;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A proposal (拟合作事项): an enterprise's own submission against a published demand. */
@Entity
public class Proposal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "demand_id")
    public UUID demandId;

    /** Copied from the demand so that reading rules need no join. */
    @Column(name = "publisher_id")
    public UUID publisherId;

    @Column(name = "proposer_id")
    public UUID proposerId;

    public String title;

    public String description;

    public String offering;

    @Convert(converter = AttachmentListConverter.class)
    public List<Attachment> attachments;

    @Enumerated(EnumType.STRING)
    public ProposalStatus status;

    /** Why the platform closed it (status CLOSED); null otherwise. */
    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    public CloseReason closeReason;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
