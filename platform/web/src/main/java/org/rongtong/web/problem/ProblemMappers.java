package org.rongtong.web.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place where every service turns exceptions into RFC 9457 {@code problem+json} answers. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper(priority = 1)
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return respond(Problem.of(400, "validation", "The request is not valid", errors.size() + " field(s) are invalid", errors), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(JsonErrors.problem(e), uri);
    }

    /** Quarkus REST maps these two itself, as plain JSON; the closer type wins, so they are named here. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparseable(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Authentication required", "Send a valid bearer token", null), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Authentication required", "The bearer token is missing or not valid", null), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Not allowed", "Your role does not allow this", null), uri);
    }

    /**
     * Quarkus REST answers a path or query parameter it cannot convert (a UUID, an enum, a number) with a 404 that
     * carries the conversion failure as its cause; that is the client's mistake about a parameter, so 400 naming it.
     */
    @ServerExceptionMapper(priority = 1)
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        return web(e, uri, headers, resource);
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
            if (cause instanceof ProblemException problem) {
                return respond(problem.problem(), uri);
            }
        }
        if ((status == 404 || status == 400) && e.getCause() != null && resource != null && resource.getResourceMethod() != null) {
            return respond(ParameterErrors.problem(resource.getResourceMethod(), uri, headers), uri);
        }
        // the exception's own message may name classes or echo internals: the status says what the client needs
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return respond(Problem.of(status, "http-" + status, title, detail(status), null), uri);
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "Nothing answers at this path";
            case 405 -> "This path does not answer this method";
            case 406 -> "This path cannot answer in a media type the Accept header allows";
            case 415 -> "This path does not accept a body of this Content-Type";
            case 400 -> "The request is not valid";
            default -> null;
        };
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(Problem.of(500, "internal", "Internal error", "The failure was logged; retry later", null), uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.withInstance(uri.getPath())).build();
    }

    /**
     * {@code register.request.contacts[0].email} becomes {@code contacts[0].email}: the method goes, and so does a
     * body parameter's own name; a query or path parameter ({@code list.size}) keeps its name ({@code size}).
     */
    public static String fieldName(Path path) {
        java.util.List<Path.Node> nodes = new ArrayList<>();
        path.forEach(node -> {
            if (node.getKind() != jakarta.validation.ElementKind.METHOD && node.getName() != null) {
                nodes.add(node);
            }
        });
        if (nodes.size() > 1 && nodes.get(0).getKind() == jakarta.validation.ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder name = new StringBuilder();
        for (Path.Node node : nodes) {
            // a node inside a list or map carries the position of its container: demands[3].deadline, not demands.deadline[3]
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                name.append('[').append(node.getKey()).append(']');
            }
            // a constraint on a list element or map value ("<list element>") names only its position
            if (node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.length() == 0 ? path.toString() : name.toString();
    }
}
