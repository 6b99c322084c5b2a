package org.rongtong.web.problem;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.rongtong.web.validation.StorableText;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Text that cannot be stored is refused where it enters, in the path, the query and every JSON string, with a 400
 * naming where it was: otherwise a NUL reaches PostgreSQL and the statement fails (a 500), or an unpaired surrogate
 * is stored as '?'.
 */
public class TextGuards {

    /** Before routing: a decoded path segment or query value with such text. */
    @ServerRequestFilter(preMatching = true)
    public Response refuseUnstorableParameters(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        // the path arrives decoded already (decoding its segments again would trip over a literal '%')
        if (!StorableText.isStorable(uri.getPath())) {
            return refuse("path", uri);
        }
        Map<String, List<String>> query;
        try {
            query = uri.getQueryParameters(true);
        } catch (IllegalArgumentException badEscape) {
            return refuse("query", uri, "is not valid percent-encoding");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!StorableText.isStorable(parameter.getKey())) {
                return refuse("query", uri);
            }
            for (String value : parameter.getValue()) {
                if (!StorableText.isStorable(value)) {
                    return refuse(parameter.getKey(), uri);
                }
            }
        }
        return null;
    }

    private static Response refuse(String field, UriInfo uri) {
        return refuse(field, uri, StorableText.MESSAGE);
    }

    private static Response refuse(String field, UriInfo uri, String message) {
        return ProblemMappers.respond(Problem.of(400, "validation", "The request is not valid", "1 field(s) are invalid",
                List.of(new Problem.FieldError(field, message))), uri);
    }

    /** Every JSON string read by the services' ObjectMapper. */
    @Singleton
    public static class Strings implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new Deserializer()));
        }
    }

    static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String text = super.deserialize(p, context);
            if (text != null && !StorableText.isStorable(text)) {
                throw new UnstorableText(p);
            }
            return text;
        }
    }

    /** A JSON string with such text; {@link JsonErrors} names its field. */
    static final class UnstorableText extends MismatchedInputException {
        UnstorableText(JsonParser p) {
            super(p, StorableText.MESSAGE, String.class);
        }
    }
}
