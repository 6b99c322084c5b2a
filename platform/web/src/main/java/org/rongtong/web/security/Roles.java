package org.rongtong.web.security;

/** The roles of the design's section 6, as the JWT {@code groups} claim names them. */
public final class Roles {
    public static final String ENTERPRISE = "enterprise";
    public static final String BUREAU = "bureau";
    public static final String OPERATOR = "operator";
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
