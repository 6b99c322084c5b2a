package org.rongtong.persistence.idempotency;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A creating request already answered, per (scope, caller, key): the same caller sending the same key and body again
 * gets the first result. Each service that honours Idempotency-Key has the table {@code idempotent_request}.
 */
@Entity
@Table(name = "idempotent_request")
public class IdempotentRequest extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        public String scope;
        /** Who sent it: the token's roles and subject ({@link IdempotencyKeys#callerIdentity}). */
        public String caller;
        @Column(name = "idempotency_key")
        public String key;

        public Key() {
        }

        public Key(String scope, String caller, String key) {
            this.scope = scope;
            this.caller = caller;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(caller, k.caller) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, caller, key);
        }
    }

    @EmbeddedId
    public Key id;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "resource_id")
    public UUID resourceId;

    @Column(name = "created_at")
    public Instant createdAt;
}
