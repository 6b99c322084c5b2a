package org.rongtong.demand.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rongtong.demand.rest.SubmitProposalRequest.AttachmentLink;
import org.rongtong.events.CloseReason;
import org.rongtong.events.ProposalStatus;

public record ProposalView(
        UUID id,
        long version,
        UUID demandId,
        UUID publisherId,
        UUID proposerId,
        String title,
        String description,
        String offering,
        List<AttachmentLink> attachments,
        ProposalStatus status,
        Instant submittedAt,
        Instant updatedAt,
        CloseReason closeReason) {
}
