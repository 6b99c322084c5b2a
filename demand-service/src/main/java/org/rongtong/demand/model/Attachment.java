package org.rongtong.demand.model;

/** A link a proposer attaches to its proposal (a brochure, a product page, a paper); files are not stored here. */
public record Attachment(String title, String url) {
}
