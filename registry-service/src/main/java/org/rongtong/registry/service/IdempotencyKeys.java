package org.rongtong.registry.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.registry.model.IdempotencyRecord;
import org.rongtong.web.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Idempotency-Key handling for POSTs that create: call {@link #previous} inside the creating transaction, and
 * {@link #remember} in the same transaction, so that a retried request finds the first result or waits on it.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final ObjectMapper mapper;

    public IdempotencyKeys(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The resource a previous request with this key created, or null; 422 when the key came with another body. */
    public Uni<UUID> previous(String scope, String key, Object request) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        String hash = hash(request);
        return IdempotencyRecord.<IdempotencyRecord>findById(new IdempotencyRecord.Key(scope, key)).map(record -> {
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

    public Uni<Void> remember(String scope, String key, Object request, UUID resourceId) {
        if (key == null) {
            return Uni.createFrom().voidItem();
        }
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = new IdempotencyRecord.Key(scope, key);
        record.requestHash = hash(request);
        record.resourceId = resourceId;
        record.createdAt = Instant.now();
        return record.persist().replaceWithVoid();
    }

    public static void requireValid(String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 200 characters");
        }
    }

    private String hash(Object request) {
        try {
            byte[] canonical = request instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
