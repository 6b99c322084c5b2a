package org.rongtong.registry.model;

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

/** A create request already answered: the same Idempotency-Key and body return the first result. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        public String scope;
        @Column(name = "idempotency_key")
        public String key;

        public Key() {
        }

        public Key(String scope, String key) {
            this.scope = scope;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, key);
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
