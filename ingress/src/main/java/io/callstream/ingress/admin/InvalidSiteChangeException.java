package io.callstream.ingress.admin;

import java.util.List;

import io.callstream.web.api.Violation;

/** A change with invalid values (400); names every violation. */
public final class InvalidSiteChangeException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidSiteChangeException(List<Violation> violations) {
        super(violations.size() + " invalid value(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
