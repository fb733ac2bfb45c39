package io.callstream.processor.query;

import java.util.List;

import io.callstream.web.api.Violation;

/** Query parameters or path values that make no sense (400); names every violation. */
public final class InvalidQueryException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidQueryException(List<Violation> violations) {
        super(violations.stream().map(violation -> violation.field() + " " + violation.message())
                .reduce((first, second) -> first + "; " + second).orElse("invalid query"), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
