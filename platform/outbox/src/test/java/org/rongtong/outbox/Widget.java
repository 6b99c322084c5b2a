package org.rongtong.outbox;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A stand-in aggregate for the outbox tests. */
@Entity
public class Widget extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
}
