package org.rongtong.notification.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** At start-up, seals the signing secrets written in plaintext before they were encrypted at rest (ADR 0017). */
@ApplicationScoped
class PlainSecrets {

    private static final Logger LOG = Logger.getLogger(PlainSecrets.class);

    private final Pool pool;
    private final SecretBox secrets;

    PlainSecrets(Pool pool, SecretBox secrets) {
        this.pool = pool;
        this.secrets = secrets;
    }

    void onStart(@Observes StartupEvent start) {
        List<Tuple> sealed = new ArrayList<>();
        pool.query("SELECT id, secret, previous_secret FROM subscription WHERE secret LIKE 'whsec\\_%' OR previous_secret LIKE 'whsec\\_%'")
                .execute().await().atMost(Duration.ofSeconds(30))
                .forEach(r -> sealed.add(Tuple.of(r.getUUID("id"), seal(r.getString("secret")), seal(r.getString("previous_secret")))));
        if (sealed.isEmpty()) {
            return;
        }
        pool.preparedQuery("UPDATE subscription SET secret = $2, previous_secret = $3 WHERE id = $1").executeBatch(sealed)
                .await().atMost(Duration.ofSeconds(30));
        LOG.infof("Encrypted the signing secrets of %d subscriptions stored in plaintext", sealed.size());
    }

    private String seal(String stored) {
        return SecretBox.isPlain(stored) ? secrets.seal(stored) : stored;
    }
}
