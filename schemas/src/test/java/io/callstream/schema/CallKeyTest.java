package io.callstream.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallKeyTest {

    @Test
    void shouldJoinSiteAndCallIdWithASlash() {
        assertThat(new CallKey("berlin", "123456")).hasToString("berlin/123456");
    }

    @Test
    void shouldParseCallIdsThatContainSlashes() {
        CallKey key = CallKey.parse("berlin/sip/abc@10.0.0.1");

        assertThat(key).isEqualTo(new CallKey("berlin", "sip/abc@10.0.0.1"));
    }

    @Test
    void shouldRefuseSiteIdsThatWouldMakeTheKeyAmbiguous() {
        assertThatThrownBy(() -> new CallKey("ber/lin", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallKey("", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallKey.parse("no-separator")).isInstanceOf(IllegalArgumentException.class);
    }
}
