package org.rongtong.matching.model;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * How many live candidacies (proposed, interested, shortlisted) an enterprise holds: what fair exposure damps by.
 * Written only by the database trigger on {@code match} (V6), read here; never changed through this entity.
 */
@Entity
@Table(name = "enterprise_exposure")
public class EnterpriseExposure extends PanacheEntityBase {

    @Id
    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    public int live;
}
