package org.rongtong.matching.rest;

import jakarta.validation.constraints.Size;

/** The optional note that goes with an answer, shown to the other side and carried in the event. */
public record AnswerRequest(@Size(max = 500) String note) {
}
