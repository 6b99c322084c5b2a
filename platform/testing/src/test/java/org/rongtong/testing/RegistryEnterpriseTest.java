package org.rongtong.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Willingness;
import org.rongtong.web.validation.CreditCode;

@Tag("unit")
class RegistryEnterpriseTest {

    @Test
    void aDefaultSnapshotIsOneTheRegistryWouldAccept() {
        EnterpriseSnapshot s = RegistryEnterprise.of(EnterpriseKind.SME, "370211").willing(CooperationField.PROCUREMENT, Willingness.STRONG)
                .snapshot();
        assertTrue(CreditCode.isValid(s.creditCode()), s.creditCode());
        assertEquals("370211", s.creditCode().substring(2, 8));
        assertEquals(1, s.version());
        assertTrue(s.active());
        assertEquals(Willingness.STRONG, s.willingness().get(CooperationField.PROCUREMENT));
    }

    @Test
    void theEventTypeFollowsTheVersionAndWhetherItIsActive() {
        RegistryEnterprise e = RegistryEnterprise.of(EnterpriseKind.SME, "370211");
        assertEquals(EventTypes.ENTERPRISE_REGISTERED, RegistryEnterprise.typeOf(e.snapshot()));
        assertEquals(EventTypes.ENTERPRISE_DEACTIVATED, RegistryEnterprise.typeOf(e.version(2, false).snapshot()));
        assertEquals(EventTypes.ENTERPRISE_REACTIVATED, RegistryEnterprise.typeOf(e.version(3, true).snapshot()));
    }

    @Test
    void theTestMapperWritesInstantsAsTextAsTheServicesDo() {
        assertEquals("\"2026-11-30T12:00:00Z\"", TestJson.write(Instant.parse("2026-11-30T12:00:00Z")));
    }
}
