package org.rongtong.registry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.registry.rest.RegisterEnterpriseRequest;

/** How one row of a bulk import is read and which credit codes it may carry: the registry's rules without a server. */
@Tag("unit")
class ImportRowRulesTest {

    private static final String HEADER = "name,creditCode,kind,regionCode,capabilities,willingness\n";
    /** The worked example of GB 32100-2015, and the same code with its last check character wrong. */
    private static final String VALID_CODE = "91350100M000100Y43";
    private static final String WRONG_CHECK = "91350100M000100Y44";

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void aRowBecomesTheRequestItsCellsName() throws IOException {
        ImportFile.Row row = only(HEADER + "厦门海工装备," + VALID_CODE + ",SME,350203,船舶焊接；海工装配,TECH_RND:STRONG;PROCUREMENT：OPEN\n");
        assertEquals(List.of(), row.errors());
        RegisterEnterpriseRequest r = row.request();
        assertEquals(EnterpriseKind.SME, r.kind());
        assertEquals(List.of("船舶焊接", "海工装配"), r.capabilities());
        assertEquals(Map.of(CooperationField.TECH_RND, Willingness.STRONG, CooperationField.PROCUREMENT, Willingness.OPEN), r.willingness());
        assertEquals(Set.of(), VALIDATOR.validate(r));
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRefusedWithTheReason() throws IOException {
        RegisterEnterpriseRequest r = only(HEADER + "厦门海工装备," + WRONG_CHECK + ",SME,350203,,\n").request();
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<RegisterEnterpriseRequest> v : VALIDATOR.validate(r)) {
            problems.add(v.getPropertyPath() + " " + v.getMessage());
        }
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("creditCode ") && problems.get(0).contains("check character"), problems.get(0));
    }

    @Test
    void aMissingCreditCodeIsRefusedAndNotMistakenForAValidOne() throws IOException {
        RegisterEnterpriseRequest r = only(HEADER + "厦门海工装备,,SME,350203,,\n").request();
        assertNull(r.creditCode());
        assertTrue(VALIDATOR.validate(r).stream().anyMatch(v -> v.getPropertyPath().toString().equals("creditCode")));
    }

    @Test
    void anUnknownKindOrAWillingnessWithoutALevelIsAnErrorOfThatRowOnly() throws IOException {
        ImportFile.Row row = only(HEADER + "厦门海工装备," + VALID_CODE + ",BANKER,350203,,TECH_RND\n");
        assertEquals(List.of("kind", "willingness"), row.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderNamesIsRefusedAsAWhole() throws IOException {
        ImportFile.Row row = only(HEADER + "厦门海工装备," + VALID_CODE + ",SME,350203,,,extra\n");
        assertNull(row.request());
        assertEquals("line", row.errors().get(0).field());
    }

    @Test
    void aHeaderWithoutTheCreditCodeColumnRefusesTheFile() {
        ImportFile.Unreadable e = assertThrows(ImportFile.Unreadable.class, () -> rows("name,kind\n厦门海工装备,SME\n"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("creditCode"), e.getMessage());
    }

    private static ImportFile.Row only(String csv) throws IOException {
        List<ImportFile.Row> rows = rows(csv);
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private static List<ImportFile.Row> rows(String csv) throws IOException {
        List<ImportFile.Row> rows = new ArrayList<>();
        ImportFile.readCsv(new StringReader(csv), rows::add);
        return rows;
    }
}
