package io.callstream.ingress.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of one CTI request, whatever encoding carried them: each name with its values in
 * the order received. Names are case-sensitive, as in Zammad.
 */
public final class CtiParameters {

    private static final CtiParameters EMPTY = new CtiParameters(Map.of());

    private final Map<String, List<String>> values;

    private CtiParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static CtiParameters empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The last value of a parameter: a repeated parameter counts once, with its last value (as in Rails). */
    public Optional<String> last(String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** These parameters with every name that {@code winners} has replaced by its values there (query beats body, as in Rails). */
    public CtiParameters overriddenBy(CtiParameters winners) {
        if (winners.values.isEmpty()) {
            return this;
        }
        Map<String, List<String>> merged = new LinkedHashMap<>(values);
        merged.putAll(winners.values);
        return new CtiParameters(Collections.unmodifiableMap(merged));
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects parameters in the order they are read. */
    public static final class Builder {

        private final Map<String, List<String>> values = new LinkedHashMap<>();

        /** NUL characters are dropped from names and values as they come in (see {@link ControlCharacters}). */
        public Builder add(String name, String value) {
            values.computeIfAbsent(ControlCharacters.withoutNul(name), key -> new ArrayList<>(1))
                    .add(ControlCharacters.withoutNul(value));
            return this;
        }

        public CtiParameters build() {
            if (values.isEmpty()) {
                return EMPTY;
            }
            Map<String, List<String>> frozen = new LinkedHashMap<>();
            values.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
            return new CtiParameters(Collections.unmodifiableMap(frozen));
        }
    }
}
