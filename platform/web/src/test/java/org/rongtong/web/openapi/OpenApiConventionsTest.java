package org.rongtong.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OpenApiConventionsTest {

    private final OpenApiConventions conventions = new OpenApiConventions();

    @Test
    void everyErrorAnswerIsAProblemAndTheSharedStatusesAreListed() {
        Operation update = operation("updateThing").addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"))
                .addParameter(parameter(Parameter.In.PATH, "id")).addParameter(parameter(Parameter.In.HEADER, "If-Match"));
        update.getResponses().addAPIResponse("428", OASFactory.createAPIResponse().description("No If-Match"));

        conventions.filterOpenAPI(document("/things/{id}", update));

        APIResponses responses = update.getResponses();
        assertEquals(List.of("200", "400", "401", "403", "404", "412", "428", "500"), List.copyOf(responses.getAPIResponses().keySet()));
        responses.getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2")) {
                assertEquals("#/components/schemas/Problem",
                        response.getContent().getMediaType("application/problem+json").getSchema().getRef(), status);
            }
        });
    }

    @Test
    void anIdempotencyKeyBringsItsConflictAndItsReuse() {
        Operation create = operation("createThing").addParameter(parameter(Parameter.In.HEADER, "Idempotency-Key"));

        conventions.filterOpenAPI(document("/things", create));

        assertTrue(create.getResponses().hasAPIResponse("409"));
        assertTrue(create.getResponses().hasAPIResponse("422"));
    }

    @Test
    void aPublicOperationSaysSoAndListsNoAuthenticationErrors() {
        Operation list = operation("listThings");
        OpenAPI document = document("/things", list);

        conventions.filterOpenAPI(document);

        assertEquals(List.of(), list.getSecurity());
        assertTrue(!list.getResponses().hasAPIResponse("401") && !list.getResponses().hasAPIResponse("400"));
        assertNotNull(document.getComponents().getSchemas().get("Problem"));
        assertEquals("/", document.getServers().get(0).getUrl());
    }

    @Test
    void anOperationWithoutIdOrAJsonAnswerWithoutSchemaFailsTheBuild() {
        Operation anonymous = operation(null);
        anonymous.getResponses().addAPIResponse("201", OASFactory.createAPIResponse().description("Created")
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType())));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> conventions.filterOpenAPI(document("/things", anonymous)));

        assertTrue(failure.getMessage().contains("POST /things: no operationId"), failure.getMessage());
        assertTrue(failure.getMessage().contains("POST /things: 201 application/json has no schema"), failure.getMessage());
    }

    @Test
    void aPropertyThatIsNotRequiredMayBeNull() {
        Schema thing = OASFactory.createSchema().addType(SchemaType.OBJECT).addRequired("id")
                .addProperty("id", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("englishName", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("kind", OASFactory.createSchema().ref("Kind"));
        OpenAPI document = document("/things", operation("listThings"));
        document.components(OASFactory.createComponents().addSchema("Thing", thing));

        conventions.filterOpenAPI(document);

        assertEquals(List.of(SchemaType.STRING), thing.getProperties().get("id").getType());
        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), thing.getProperties().get("englishName").getType());
        List<Schema> kind = thing.getProperties().get("kind").getAnyOf();
        assertEquals("#/components/schemas/Kind", kind.get(0).getRef());
        assertEquals(List.of(SchemaType.NULL), kind.get(1).getType());
    }

    private static Operation operation(String id) {
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK").content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Thing")))));
        return OASFactory.createOperation().operationId(id).responses(responses);
    }

    private static Parameter parameter(Parameter.In in, String name) {
        return OASFactory.createParameter().in(in).name(name);
    }

    private static OpenAPI document(String path, Operation operation) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path,
                OASFactory.createPathItem().POST(operation)));
    }
}
