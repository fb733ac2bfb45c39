package io.callstream.ingress.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FormUrlEncodedTest {

    @Test
    void shouldReadPairsInOrderWithRepeatedNames() {
        CtiParameters parameters = parse("event=newCall&user[]=Alice&user[]=Bob&callId=1");

        assertThat(parameters.last("event")).contains("newCall");
        assertThat(parameters.all("user[]")).containsExactly("Alice", "Bob");
    }

    @Test
    void shouldDecodePlusAsSpaceAndPercentEscapesAsUtf8() {
        CtiParameters parameters = parse("user=M%C3%BCller%2C+Hans&from=+4930");

        assertThat(parameters.last("user")).contains("Müller, Hans");
        assertThat(parameters.last("from")).contains(" 4930");
    }

    @Test
    void shouldFallBackToLatin1ForBytesThatAreNotUtf8() {
        CtiParameters parameters = parse("user=M%FCller");

        assertThat(parameters.last("user")).contains("Müller");
    }

    @Test
    void shouldKeepEmptyValuesAndSkipEmptyPairs() {
        CtiParameters parameters = parse("&direction=&to&=x&&event=answer");

        assertThat(parameters.last("direction")).contains("");
        assertThat(parameters.last("to")).contains("");
        assertThat(parameters.names()).containsExactly("direction", "to", "event");
    }

    @Test
    void shouldReadRawUtf8InAQueryString() {
        assertThat(FormUrlEncoded.parse("user=Müller").last("user")).contains("Müller");
        assertThat(FormUrlEncoded.parse((String) null).names()).isEmpty();
    }

    @Test
    void shouldRefuseBrokenPercentEscapes() {
        assertThatThrownBy(() -> parse("from=%zz")).isInstanceOf(MalformedRequestException.class);
        assertThatThrownBy(() -> parse("from=%4")).isInstanceOf(MalformedRequestException.class);
    }

    private static CtiParameters parse(String body) {
        return FormUrlEncoded.parse(body.getBytes(StandardCharsets.ISO_8859_1));
    }
}
