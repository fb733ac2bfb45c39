package io.callstream.processor.forwarding;

import static io.callstream.processor.calls.TestEvents.hangup;
import static io.callstream.processor.calls.TestEvents.newCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.callstream.schema.CtiEvent;
import io.callstream.schema.HangupCause;
import org.junit.jupiter.api.Test;

class ZammadFormTest {

    @Test
    void shouldPostTheEventAsThePbxPostedIt() {
        CtiEvent event = newCall("4991155921769858278-1").in().from("+49 30 1234").to("4930600000000")
                .users("user 1", "Müller, Hans").queue("support").at(0);
        event.setExtraFields(new LinkedHashMap<>(Map.of("CallType", "external")));

        assertThat(ZammadForm.of(event)).isEqualTo("event=newCall&from=%2B49+30+1234&to=4930600000000&direction=in"
                + "&callId=4991155921769858278-1&user%5B%5D=user+1&user%5B%5D=M%C3%BCller%2C+Hans&queue=support"
                + "&CallType=external");
    }

    @Test
    void shouldKeepAnEmptyUserAndAnEmptyCause() {
        CtiEvent event = hangup("c").user("").cause("", null).at(0);

        assertThat(ZammadForm.of(event)).isEqualTo("event=hangup&callId=c&user=&cause=");
    }

    @Test
    void shouldReadZammadsAnswers() {
        CtiEvent newCall = newCall("c").in().at(0);
        CtiEvent hangup = hangup("c").in().cause("normalClearing", HangupCause.NORMAL_CLEARING).at(1);

        assertThat(ZammadClient.answer(newCall, 200, "{}").verdict()).isEqualTo(ZammadClient.Verdict.DELIVERED);
        assertThat(ZammadClient.answer(newCall, 500, "{\"error\":\"call_id c already exists!\"}").verdict())
                .as("a repeated newCall was delivered before").isEqualTo(ZammadClient.Verdict.DELIVERED);
        assertThat(ZammadClient.answer(hangup, 500, "{\"error\":\"No such call_id c\"}").verdict())
                .isEqualTo(ZammadClient.Verdict.REFUSED);
        assertThat(ZammadClient.answer(hangup, 401, "{\"error\":\"Invalid token, please contact your admin!\"}"))
                .isEqualTo(new ZammadClient.Answer(ZammadClient.Verdict.REFUSED,
                        "Zammad answered 401: {\"error\":\"Invalid token, please contact your admin!\"}"));
        assertThat(ZammadClient.answer(hangup, 422, "{}").verdict()).isEqualTo(ZammadClient.Verdict.REFUSED);
        assertThat(ZammadClient.answer(hangup, 502, "").verdict()).isEqualTo(ZammadClient.Verdict.RETRY);
        assertThat(ZammadClient.answer(hangup, 500, "{\"error\":\"boom\"}").verdict()).isEqualTo(ZammadClient.Verdict.RETRY);
        assertThat(ZammadClient.answer(hangup, 429, "").verdict()).isEqualTo(ZammadClient.Verdict.RETRY);
    }
}
