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
import jakarta.persistence.Transient;

import org.rongtong.persistence.JsonConverter;
import org.rongtong.web.problem.Problem.FieldError;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A bulk import that clients poll: how many rows are done, which were rejected and why, and the enterprises registered
 * so far by line. It belongs to the caller who started it ({@code owner}, the token's subject).
 */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status {
        RUNNING, COMPLETED, FAILED
    }

    /** A rejected row: its line in the file (1 = the first line) and every reason. */
    public record Rejection(int line, List<FieldError> errors) {
    }

    /** An enterprise the import registered, and the line of the file it came from. */
    public record Registered(int line, UUID id) {
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

    /** The subject of the token that started the import; partners see only their own jobs. */
    public String owner;

    /** The charset the file was read in (declared, or UTF-8, or GBK). */
    public String charset;

    /** The last line whose rows are committed: a resumed job goes on after it. */
    @JsonIgnore
    @Column(name = "last_line")
    public int lastLine;

    /** Where the uploaded file waits until the job ends. */
    @JsonIgnore
    @Column(name = "spool_path")
    public String spoolPath;

    /** The node running the job and when it last said so: a job whose node went quiet is resumed or failed. */
    @JsonIgnore
    public String node;

    @JsonIgnore
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    /** The enterprises registered, in the order of their lines (filled in for answers; not a column). */
    @Transient
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public List<Registered> registered;

    public static class RejectionsConverter extends JsonConverter<List<Rejection>> {
        public RejectionsConverter() {
            super(new TypeReference<>() {
            });
        }
    }
}
