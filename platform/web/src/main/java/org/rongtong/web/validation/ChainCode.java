package org.rongtong.web.validation;

/** An industrial chain's code, as the reference data spells it; the one pattern for it on every edge. */
public final class ChainCode {

    public static final String PATTERN = "[A-Za-z0-9_-]{1,40}";
    public static final String MESSAGE = "must be a chain code";

    private ChainCode() {
    }
}
