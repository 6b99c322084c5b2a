package org.rongtong.persistence.retention;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What a service prunes and when (docs/adr/0012-retries-dead-letters-retention.md). Each service names its rules in
 * application.properties, for example:
 *
 * <pre>
 * rongtong.retention.rules.processed-events.table=processed_event
 * rongtong.retention.rules.processed-events.column=processed_at
 * rongtong.retention.rules.deliveries.where=status &lt;&gt; 'PENDING'
 * rongtong.retention.rules.deliveries.max-age=14d
 * </pre>
 */
@ConfigMapping(prefix = "rongtong.retention")
public interface RetentionConfig {

    /** Run the pruner in this process (every replica may: the deletes are idempotent). */
    @WithDefault("true")
    boolean enabled();

    /** Time between two rounds. */
    @WithDefault("1h")
    Duration every();

    /** Time from start to the first round. */
    @WithDefault("5m")
    Duration delay();

    /** How old a row must be to go, unless its rule says otherwise. */
    @WithDefault("30d")
    Duration maxAge();

    /** Rows deleted per statement: short statements keep locks and WAL bursts small. */
    @WithDefault("5000")
    int batchSize();

    /** The tables to prune, by a name of the service's choosing. */
    Map<String, Rule> rules();

    interface Rule {

        /** The table. */
        String table();

        /** Its time column: a row whose value is older than the age goes; a row where it is null stays. */
        String column();

        /** Overrides {@link RetentionConfig#maxAge()} for this table. */
        Optional<Duration> maxAge();

        /** An SQL condition that rows must also meet to go (trusted configuration, not input), e.g. to keep pending work. */
        Optional<String> where();
    }
}
