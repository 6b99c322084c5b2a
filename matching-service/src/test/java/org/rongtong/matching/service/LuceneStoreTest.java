package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneStoreTest {

    @TempDir
    Path parent;

    @Test
    void theIndexFilesLiveInADirectoryOfTheStoresOwnThatClosingDeletes() throws Exception {
        LuceneStore store = new LuceneStore(parent, new CJKAnalyzer());
        Document doc = new Document();
        doc.add(new StringField("id", "a", Field.Store.NO));
        store.writer.addDocument(doc);
        store.searchers.maybeRefreshBlocking();
        Path own = store.path();
        assertEquals(parent, own.getParent());
        try (var files = Files.list(own)) {
            assertTrue(files.anyMatch(f -> !f.getFileName().toString().equals("write.lock")), "a flushed segment on disk");
        }
        store.close();
        assertFalse(Files.exists(own));
    }

    @Test
    void aDirectoryAKilledProcessLeftIsDeletedButOneALiveStoreHoldsIsKept() throws Exception {
        Path abandoned = Files.createDirectory(parent.resolve(LuceneStore.PREFIX + "killed"));
        Files.writeString(abandoned.resolve("_0.cfs"), "left behind");
        LuceneStore live = new LuceneStore(parent, new CJKAnalyzer());
        FileTime anHourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        Files.setLastModifiedTime(abandoned, anHourAgo);
        Files.setLastModifiedTime(live.path(), anHourAgo);
        Path fresh = Files.createDirectory(parent.resolve(LuceneStore.PREFIX + "starting")); // not locked yet: too young to judge

        LuceneStore.deleteAbandoned(parent);

        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(live.path()), "its writer holds the lock");
        assertTrue(Files.exists(fresh));
        live.close();
    }
}
