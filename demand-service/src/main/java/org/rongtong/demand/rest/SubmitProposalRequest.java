package org.rongtong.demand.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A proposal (拟合作事项) against a published demand: a roadshow item, a product, a research result.
 * {@code proposerId} is required when a partner or operator submits for an enterprise.
 */
public record SubmitProposalRequest(
        UUID proposerId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 8000) String description,
        @NotBlank @Size(max = 4000) String offering,
        @Size(max = 10) List<@NotNull @Valid AttachmentLink> attachments) {

    public record AttachmentLink(@Size(max = 200) String title, @NotBlank @Size(max = 2000) @WebLink String url) {
    }
}
