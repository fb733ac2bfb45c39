package io.callstream.processor.query;

import java.util.List;

/** Query parameters that make no sense (400); names every problem. */
public final class InvalidQueryException extends RuntimeException {

    private final List<String> problems;

    public InvalidQueryException(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
