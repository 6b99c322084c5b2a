package org.rongtong.web.rest;

import jakarta.ws.rs.core.EntityTag;

import org.rongtong.web.problem.Problem;
import org.rongtong.web.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: the aggregate version is the ETag; a change names it in If-Match. Every lost update
 * is 412 {@code stale-version}, whether the If-Match named an old version or a concurrent change committed between our
 * read and our write; 409 is kept for a move the current state does not allow (ADR 0032).
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header names: 428 without one, 400 when it is not one of our ETags. */
    public static long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428, "precondition-required", "If-Match required",
                    "Send the ETag of the version you read in an If-Match header", null));
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an ETag this API returned, such as \"3\"");
        }
    }

    /** If-Match where it is optional: null when absent, else as {@link #requireIfMatch}. */
    public static Long optionalIfMatch(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : requireIfMatch(ifMatch);
    }

    /** 412 when the stored version is not the one the client read. */
    public static void requireCurrent(long expected, long actual) {
        if (expected != actual) {
            throw stale(actual);
        }
    }

    public static ProblemException stale(long actual) {
        return new ProblemException(Problem.of(412, "stale-version", "The resource has changed",
                actual < 0 ? "Another change won; read it again and retry" : "The current version is " + actual + "; read it again and retry",
                null));
    }

    /** 412 for an update that lost the race to a concurrent one (an optimistic-lock failure at flush). */
    public static ProblemException lostRace() {
        return stale(-1);
    }

    /** Hibernate's optimistic-lock failure, anywhere in the cause chain: a concurrent change committed first. */
    public static boolean isOptimisticLockFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("StaleObjectStateException") || name.endsWith("OptimisticLockException")
                    || name.endsWith("StaleStateException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
