package io.callstream.ingress.request;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads an {@code application/json} body (the 3CX bridge, Zammad's recommended form): one object
 * whose members are the parameters. A number is kept as its decimal text ({@code "to": 800} is
 * {@code "800"}), {@code null} counts as absent, an array gives a repeated parameter, and a nested
 * object is kept as JSON text.
 */
public final class JsonBody {

    private final ObjectMapper mapper;

    public JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CtiParameters parse(byte[] body) {
        JsonNode root = readTree(body);
        if (root == null || !root.isObject()) {
            throw new MalformedRequestException("Malformed JSON body: expected an object.");
        }
        CtiParameters.Builder parameters = CtiParameters.builder();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            JsonNode value = member.getValue();
            if (value.isArray()) {
                for (JsonNode element : value.values()) {
                    addValue(parameters, member.getKey(), element);
                }
            } else {
                addValue(parameters, member.getKey(), value);
            }
        }
        return parameters.build();
    }

    private JsonNode readTree(byte[] body) {
        try {
            return mapper.readTree(Utf8Text.decode(body));
        } catch (JacksonException e) {
            throw new MalformedRequestException("Malformed JSON body: " + e.getOriginalMessage());
        }
    }

    private static void addValue(CtiParameters.Builder parameters, String name, JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        parameters.add(name, text(value));
    }

    private static String text(JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isBoolean()) {
            return value.asString();
        }
        return value.toString();
    }
}
