package org.rongtong.persistence.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.rongtong.persistence.UniqueViolation;
import org.rongtong.web.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * {@code Idempotency-Key} for POSTs that create, one mechanism for every service (ADR 0015). A key is scoped per caller:
 * the token's roles and subject, so two callers choosing the same key never see each other's result. Call
 * {@link #previous} inside the creating transaction and {@link #remember} in the same transaction; the same caller, key
 * and body answer the first result, the same key with another body is 422. Two racing requests with one key: the second
 * waits on the first's row and then gets 409, and its retry replays the first result.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** Response header set on a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ObjectMapper mapper;
    private final JsonWebToken token;

    public IdempotencyKeys(ObjectMapper mapper, JsonWebToken token) {
        this.mapper = mapper;
        this.token = token;
    }

    /** The resource a previous request of this caller with this key created, or null; 422 when the key came with another body. */
    public Uni<UUID> previous(String scope, String key, Object request) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        String hash = hash(request);
        return IdempotentRequest.<IdempotentRequest>findById(new IdempotentRequest.Key(scope, callerIdentity(), key)).map(record -> {
            if (record == null) {
                return null;
            }
            if (!record.requestHash.equals(hash)) {
                throw ProblemException.unprocessable("Idempotency-Key reused",
                        "The key " + key + " was first used with a different request body");
            }
            return record.resourceId;
        });
    }

    /** Records what this caller's key created; flushed now, so a racing request with the same key fails here (409). */
    public Uni<Void> remember(String scope, String key, Object request, UUID resourceId) {
        if (key == null) {
            return Uni.createFrom().voidItem();
        }
        IdempotentRequest record = new IdempotentRequest();
        record.id = new IdempotentRequest.Key(scope, callerIdentity(), key);
        record.requestHash = hash(request);
        record.resourceId = resourceId;
        record.createdAt = Instant.now();
        return record.persistAndFlush().replaceWithVoid()
                .onFailure(UniqueViolation::in).transform(f -> ProblemException.conflict("Idempotency-Key in use",
                        "Another request with the key " + key + " was being processed; retry to get its result"));
    }

    /** 400 for a key that is blank or longer than 200 characters; no key is fine (the request is not idempotent). */
    public static void requireValid(String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 200 characters");
        }
    }

    /** The caller as the token says: its roles (sorted) and subject, e.g. {@code enterprise|enterprise-0195…}. */
    public String callerIdentity() {
        String roles = token.getGroups() == null ? "" : String.join(",", new TreeSet<>(token.getGroups()));
        return roles + "|" + (token.getSubject() == null ? "" : token.getSubject());
    }

    private String hash(Object request) {
        try {
            byte[] canonical = request instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(request);
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
