package io.callstream.ingress.request;

import java.util.List;

/** The request was read, but its parameters break the CTI contract (422); lists every violation. */
public final class InvalidCtiRequestException extends RuntimeException {

    private final List<String> violations;

    public InvalidCtiRequestException(List<String> violations) {
        super(String.join(" ", violations), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
