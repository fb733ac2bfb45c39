package io.callstream.web.api;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * Lets the OpenAPI generator, which reads classes with Jackson 2, see the Jackson 3
 * {@code @JsonNaming} our records carry: without it the document says {@code callerId} where the
 * API reads and writes {@code caller_id}. Paired in front of the generator's own introspector.
 */
public final class Jackson3Naming extends NopAnnotationIntrospector {

    private static final String JACKSON2_STRATEGIES = "com.fasterxml.jackson.databind.PropertyNamingStrategies$";

    private Jackson3Naming() {
    }

    /** Puts a new one in front of {@code mapper}'s introspectors. */
    static Jackson3Naming installedOn(ObjectMapper mapper) {
        Jackson3Naming naming = new Jackson3Naming();
        mapper.setAnnotationIntrospector(AnnotationIntrospector.pair(naming,
                mapper.getSerializationConfig().getAnnotationIntrospector()));
        return naming;
    }

    @Override
    public Object findNamingStrategy(AnnotatedClass type) {
        tools.jackson.databind.annotation.JsonNaming naming =
                type.getRawType().getAnnotation(tools.jackson.databind.annotation.JsonNaming.class);
        if (naming == null) {
            return null;
        }
        String strategy = naming.value().getSimpleName();
        try {
            return Class.forName(JACKSON2_STRATEGIES + strategy);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Jackson 2 has no naming strategy " + strategy + " for "
                    + type.getRawType().getName(), e);
        }
    }
}
