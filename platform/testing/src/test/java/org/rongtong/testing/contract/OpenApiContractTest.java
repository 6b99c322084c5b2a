package org.rongtong.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

@Tag("unit")
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/things/{id}": {"get": {"operationId": "getThing", "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                "404": {"description": "None", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}},
                "delete": {"operationId": "deleteThing", "responses": {"204": {"description": "Deleted"}}}},
              "/things/latest": {"get": {"operationId": "latestThing", "responses": {"200": {"description": "OK"}}}}},
             "components": {"schemas": {
              "Thing": {"type": "object", "required": ["id", "size"],
                        "properties": {"id": {"type": "string"}, "size": {"type": "integer"}}},
              "Problem": {"type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}}}}
            """;

    private final OpenApiContract contract;

    OpenApiContractTest() throws Exception {
        contract = new OpenApiContract(new ObjectMapper().readTree(DOCUMENT));
    }

    @Test
    void aLiteralSegmentWinsOverATemplate() {
        assertEquals("latestThing", contract.operation("GET", "/things/latest").orElseThrow().id());
        assertEquals("getThing", contract.operation("GET", "/things/42").orElseThrow().id());
        assertTrue(contract.operation("POST", "/things/42").isEmpty());
        assertTrue(contract.operation("GET", "/things/42/parts").isEmpty());
    }

    @Test
    void anAnswerAsDocumentedPasses() {
        assertEquals(List.of(), check("GET", "/things/1", 200, "application/json;charset=UTF-8", "{\"id\":\"1\",\"size\":3}"));
        assertEquals(List.of(), check("GET", "/things/1", 404, "application/problem+json", "{\"status\":404}"));
        assertEquals(List.of(), check("DELETE", "/things/1", 204, null, ""));
    }

    @Test
    void anUndocumentedStatusIsNamedWithTheDocumentedOnes() {
        assertEquals(List.of("status 409 is not documented (documented: 200, 404)"),
                check("GET", "/things/1", 409, "application/problem+json", "{\"status\":409}"));
    }

    @Test
    void anotherContentTypeOrABodyWhereNoneIsDocumentedIsAMismatch() {
        assertEquals(List.of("content type 'application/json' is not documented for 404 (documented: application/problem+json)"),
                check("GET", "/things/1", 404, "application/json", "{\"status\":404}"));
        assertEquals(List.of("status 204 is documented without a body, but the answer has one (application/json)"),
                check("DELETE", "/things/1", 204, "application/json", "{}"));
    }

    @Test
    void aBodyAgainstItsSchemaNamesTheField() {
        List<String> found = check("GET", "/things/1", 200, "application/json", "{\"id\":\"1\",\"size\":\"big\"}");
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("size") && found.get(0).contains("integer"), found.toString());
        assertTrue(check("GET", "/things/1", 200, "application/json", "{\"id\":\"1\"}").get(0).contains("size"));
    }

    private List<String> check(String method, String path, int status, String contentType, String body) {
        return contract.mismatches(contract.operation(method, path).orElseThrow(), status, contentType, body);
    }
}
