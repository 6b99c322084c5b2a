package org.rongtong.registry.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.rongtong.persistence.JsonConverter;
import org.rongtong.web.problem.Problem.FieldError;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A bulk import that clients poll: how many rows are done and which were rejected, with why. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status {
        RUNNING, COMPLETED, FAILED
    }

    /** A rejected row: its line in the file (1 = the first line) and every reason. */
    public record Rejection(int line, List<FieldError> errors) {
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String format;

    public boolean atomic;

    public int total;

    public int done;

    public int rejected;

    @Convert(converter = RejectionsConverter.class)
    public List<Rejection> rejections;

    public String failure;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public static class RejectionsConverter extends JsonConverter<List<Rejection>> {
        public RejectionsConverter() {
            super(new TypeReference<>() {
            });
        }
    }
}
