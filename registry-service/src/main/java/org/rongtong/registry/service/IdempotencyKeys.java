package org.rongtong.registry.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shared Idempotency-Key mechanism ({@link org.rongtong.persistence.idempotency.IdempotencyKeys}, keys scoped per
 * caller), under the name the registry's use cases already inject; it adds nothing.
 */
@ApplicationScoped
public class IdempotencyKeys extends org.rongtong.persistence.idempotency.IdempotencyKeys {

    public IdempotencyKeys(ObjectMapper mapper, JsonWebToken token) {
        super(mapper, token);
    }
}
