package org.rongtong.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class ChainsTest {

    @Test
    void theBundledSampleSetIsFlaggedAsSampleAndKnowsFlagshipProvinces() {
        Chains chains = Chains.load(Optional.empty());

        assertTrue(chains.exists("HOME_APPLIANCES"));
        assertTrue(chains.all().stream().allMatch(Chains.Chain::sample));
        assertTrue(chains.flagshipOf("37").stream().anyMatch(c -> c.code().equals("HOME_APPLIANCES")));
        assertEquals(chains.flagshipOf("37"), chains.flagshipOf("370200"), "a prefecture counts against its province's chains");
    }

    @Test
    void aDeploymentFileReplacesTheSampleSet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chains.csv");
        Files.writeString(file, "code,name,nameEn,flagshipProvinces\nMARINE,\"海洋装备\",\"Marine equipment\",37; 35\n");

        Chains chains = Chains.load(Optional.of(file.toString()));

        assertFalse(chains.exists("HOME_APPLIANCES"));
        assertFalse(chains.all().get(0).sample());
        assertEquals("MARINE", chains.flagshipOf("35").get(0).code());
    }
}
