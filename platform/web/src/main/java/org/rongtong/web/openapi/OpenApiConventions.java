package org.rongtong.web.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.rongtong.web.problem.Problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every operation of every service shares, written into each OpenAPI document at build time (ADR 0031): the
 * problem schema on every error; 400 for bad input, 404 with a path parameter, 412 with If-Match, 409 and 422 with
 * Idempotency-Key, 401 and 403 when secured, 500 for the unexpected; a relative server; {@code security: []} on public
 * operations; a property that is not required may be null ({@link NullableFields}). What only a resource knows (201,
 * 202, 204, the 409 and 422 of its own rules, 428) are its own annotations.
 * The build fails when an operation names no operationId or a JSON answer has no schema, so a new endpoint cannot
 * arrive undocumented.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        NullableFields.apply(openAPI.getComponents());
        addProblemSchemas(openAPI.getComponents());
        // relative: the host that served the document; each deployment knows its own public address
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                .description("This service, at the address this document was read from"))));
        List<String> undocumented = new ArrayList<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> apply(method + " " + path, operation, undocumented)));
        }
        if (!undocumented.isEmpty()) {
            throw new IllegalStateException("OpenAPI document incomplete (docs/adr/0031):\n  " + String.join("\n  ", undocumented));
        }
    }

    private static void apply(String name, Operation operation, List<String> undocumented) {
        if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
            undocumented.add(name + ": no operationId (@Operation(operationId = ...))");
        }
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.setSecurity(new ArrayList<>()); // public, said out loud
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse()
                    .description("Bad input: a parameter, header or body field is not valid (each one named in errors)"));
        }
        // what the shared platform code answers wherever a header or path parameter is there (ADR 0004, 0015)
        if (hasParameter(operation, "path", null)) {
            addIfAbsent(responses, "404", "No such resource, or one the caller may not see");
        }
        if (hasParameter(operation, "header", "If-Match")) {
            addIfAbsent(responses, "412", "If-Match names a version that is no longer current");
        }
        if (hasParameter(operation, "header", "Idempotency-Key")) {
            addIfAbsent(responses, "409", "The Idempotency-Key is in use by a request still running");
            addIfAbsent(responses, "422", "The Idempotency-Key was used before with another body");
        }
        if (!operation.getSecurity().isEmpty()) {
            addIfAbsent(responses, "401", "No valid bearer token");
            addIfAbsent(responses, "403", "The token's role or scope does not allow this");
        }
        addIfAbsent(responses, "500", "An unexpected failure (logged; the problem names no cause)");
        // in status order, as a reader looks for them
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            } else if (status.startsWith("2")) {
                requireSchemas(name, status, response, undocumented);
            }
        }
    }

    private static void requireSchemas(String name, String status, APIResponse response, List<String> undocumented) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        response.getContent().getMediaTypes().forEach((type, media) -> {
            if (type.contains("json") && (media == null || media.getSchema() == null)) {
                undocumented.add(name + ": " + status + " " + type + " has no schema (@APIResponse(content = @Content(schema = ...)))");
            }
        });
    }

    private static boolean hasParameter(Operation operation, String in, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() != null && p.getIn().toString().equalsIgnoreCase(in)
                        && (name == null || name.equalsIgnoreCase(p.getName())));
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }

    /** RFC 9457, as {@link Problem} writes it: empty members are left out. */
    private static void addProblemSchemas(Components components) {
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One invalid input: a body field by its JSON path, a parameter or header by its name")
                .addRequired("field").addRequired("message")
                .addProperty("field", string("such as capabilities[1] or size"))
                .addProperty("message", string("what the value must be"));
        Schema problem = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail; every error of this API is one, as application/problem+json")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", string("https://rongtong.org/problems/<slug>").format("uri"))
                .addProperty("title", string("a fixed sentence per kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("the HTTP status"))
                .addProperty("detail", string("this occurrence, in words"))
                .addProperty("instance", string("the request path"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)));
        components.addSchema(FIELD_ERROR, fieldError);
        components.addSchema(PROBLEM, problem);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
