package org.rongtong.outbox;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.ids.UuidV7;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WidgetService {

    static final String TOPIC = "test.widgets.v1";
    static final String TYPE = "rongtong.test.widget.created.v1";
    static final String RENAMED = "rongtong.test.widget.renamed.v1";

    private final Outbox outbox;

    public WidgetService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Saves a widget and its event together; {@code failAfterWrite} makes the transaction roll back. */
    @WithTransaction
    public Uni<UUID> create(String name, boolean failAfterWrite) {
        Widget widget = new Widget();
        widget.id = UuidV7.next();
        widget.name = name;
        return widget.persist()
                .chain(() -> outbox.append(TOPIC, TYPE, "/test", widget.id, Map.of("id", widget.id, "name", name)))
                .map(ignored -> {
                    if (failAfterWrite) {
                        throw new IllegalStateException("simulated failure after the write");
                    }
                    return widget.id;
                });
    }

    @WithTransaction
    public Uni<Void> rename(UUID id, String name) {
        return Widget.<Widget>findById(id)
                .invoke(widget -> widget.name = name)
                .chain(widget -> outbox.append(TOPIC, RENAMED, "/test", id, Map.of("id", id, "name", name)))
                .replaceWithVoid();
    }
}
