package org.rongtong.web.problem;

import java.util.List;

/** A use case refusing a request: carries the problem the caller gets back. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "not-found", what + " not found", what + " " + id + " does not exist", null));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(400, "validation", "The request is not valid",
                errors.size() + " field(s) are invalid", errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(Problem.of(409, "conflict", title, detail, null));
    }

    public static ProblemException unprocessable(String title, String detail) {
        return new ProblemException(Problem.of(422, "unprocessable", title, detail, null));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed", detail, null));
    }

    /** 403 naming the fields the caller may not change. */
    public static ProblemException forbiddenFields(String detail, List<Problem.FieldError> fields) {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed", detail, fields));
    }
}
