package io.callstream.ingress.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonBodyTest {

    private final JsonBody json = new JsonBody(JsonMapper.builder().build());

    @Test
    void shouldKeepNumbersAsTheirDecimalText() {
        CtiParameters parameters = parse("{\"to\": 800, \"from\": 4930555716001234567890, \"Duration\": 1.5}");

        assertThat(parameters.last("to")).contains("800");
        assertThat(parameters.last("from")).contains("4930555716001234567890");
        assertThat(parameters.last("Duration")).contains("1.5");
    }

    @Test
    void shouldTreatNullAsAbsent() {
        assertThat(parse("{\"answeringNumber\": null}").last("answeringNumber")).isEmpty();
    }

    @Test
    void shouldTurnArraysIntoRepeatedParameters() {
        assertThat(parse("{\"user\": [\"Alice\", \"Bob\", null]}").all("user")).containsExactly("Alice", "Bob");
    }

    @Test
    void shouldKeepNestedObjectsAsJsonText() {
        assertThat(parse("{\"CallData\": {\"a\": 1}}").last("CallData")).contains("{\"a\":1}");
    }

    @Test
    void shouldRefuseMalformedJsonAndNonObjects() {
        assertThatThrownBy(() -> parse("{\"event\": ")).isInstanceOf(MalformedRequestException.class);
        assertThatThrownBy(() -> parse("[1, 2]")).isInstanceOf(MalformedRequestException.class)
                .hasMessageContaining("object");
    }

    private CtiParameters parse(String body) {
        return json.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
