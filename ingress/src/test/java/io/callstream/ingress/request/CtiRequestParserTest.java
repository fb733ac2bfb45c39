package io.callstream.ingress.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.callstream.schema.CallEventType;
import io.callstream.schema.Direction;
import io.callstream.schema.HangupCause;
import org.junit.jupiter.api.Test;

class CtiRequestParserTest {

    private final CtiRequestParser parser = new CtiRequestParser();

    @Test
    void shouldReadANewCall() {
        CtiRequest request = parse("event=newCall&from=493055571600&to=491711234567890&direction=in"
                + "&callId=123456&user[]=Alice&user[]=Bob&queue=support");

        assertThat(request.event()).isEqualTo(CallEventType.NEW_CALL);
        assertThat(request.callId()).isEqualTo("123456");
        assertThat(request.direction()).isEqualTo(Direction.IN);
        assertThat(request.from()).isEqualTo("493055571600");
        assertThat(request.to()).isEqualTo("491711234567890");
        assertThat(request.users()).containsExactly("Alice", "Bob");
        assertThat(request.queue()).isEqualTo("support");
        assertThat(request.extraFields()).isEmpty();
    }

    @Test
    void shouldPreferCallIdOverCallUnderscoreId() {
        assertThat(parse("event=answer&call_id=b&callId=a").callId()).isEqualTo("a");
        assertThat(parse("event=answer&call_id=b").callId()).isEqualTo("b");
        assertThat(parse("event=answer&callId=&call_id=b").callId()).isEqualTo("b");
    }

    @Test
    void shouldAcceptUsersInEveryShape() {
        assertThat(parse("event=answer&callId=1&user=PJSIP/bob").users()).containsExactly("PJSIP/bob");
        assertThat(parse("event=answer&callId=1&user=a&user=b").users()).containsExactly("a", "b");
        assertThat(parse("event=answer&callId=1&user=").users()).isEmpty();
        assertThat(parse("event=answer&callId=1&user[]=M%C3%BCller%2C+Hans").users()).containsExactly("Müller, Hans");
    }

    @Test
    void shouldAllowMissingNumbersAndDirectionOnAnswerAndHangup() {
        CtiRequest answer = parse("event=answer&callId=1&direction=");
        CtiRequest hangup = parse("event=hangup&callId=1");

        assertThat(answer.direction()).isNull();
        assertThat(answer.from()).isNull();
        assertThat(hangup.to()).isNull();
    }

    @Test
    void shouldKeepNumbersExactlyAsReceived() {
        CtiRequest request = parse("event=newCall&callId=1&direction=in&from=+49+30+1234567&to=%3Cunknown%3E");

        assertThat(request.from()).isEqualTo(" 49 30 1234567");
        assertThat(request.to()).isEqualTo("<unknown>");
    }

    @Test
    void shouldKeepTheRawCauseAndNormaliseKnownOnes() {
        CtiRequest known = parse("event=hangup&callId=1&cause=ORIGINATOR_CANCEL");
        CtiRequest unknown = parse("event=hangup&callId=1&cause=MEDIA_TIMEOUT");

        assertThat(known.cause()).isEqualTo("ORIGINATOR_CANCEL");
        assertThat(known.normalizedCause()).isEqualTo(HangupCause.CANCEL);
        assertThat(unknown.cause()).isEqualTo("MEDIA_TIMEOUT");
        assertThat(unknown.normalizedCause()).isEqualTo(HangupCause.OTHER);
    }

    @Test
    void shouldKeepAnEmptyCauseApartFromAMissingOneAsZammadsCommentDoes() {
        CtiRequest empty = parse("event=newCall&callId=1&direction=in&cause=");
        CtiRequest missing = parse("event=newCall&callId=1&direction=in");

        assertThat(empty.cause()).isEmpty();
        assertThat(empty.normalizedCause()).isNull();
        assertThat(missing.cause()).isNull();
    }

    @Test
    void shouldReadTheAgentsAsZammadsCallerLogShowsThem() {
        assertThat(parse("event=newCall&callId=1&direction=in&user[]=user+1&user[]=user+2").userText())
                .isEqualTo("user 1, user 2");
        assertThat(parse("event=newCall&callId=1&direction=in&user=user+1,user+2").userText())
                .as("one string is kept as sent").isEqualTo("user 1,user 2");
        assertThat(parse("event=answer&callId=1&user=").userText()).as("sent empty").isEmpty();
        assertThat(parse("event=answer&callId=1&user[]=").userText()).isEmpty();
        assertThat(parse("event=answer&callId=1").userText()).as("absent").isNull();
    }

    @Test
    void shouldKeepExtraFieldsButNotTheCallIdAliases() {
        CtiRequest request = parse("event=hangup&callId=1&callid=1&call_id=1&CallType=external&Duration=42&Duration=43");

        assertThat(request.extraFields()).containsOnly(
                org.assertj.core.api.Assertions.entry("CallType", "external"),
                org.assertj.core.api.Assertions.entry("Duration", "43"));
    }

    @Test
    void shouldBoundExtraFields() {
        StringBuilder body = new StringBuilder("event=hangup&callId=1&long=" + "x".repeat(5000));
        for (int i = 0; i < 100; i++) {
            body.append("&f").append(i).append("=v");
        }
        body.append("&").append("n".repeat(101)).append("=v");

        CtiRequest request = parse(body.toString());

        assertThat(request.extraFields()).hasSize(CtiRequestParser.MAX_EXTRA_FIELDS);
        assertThat(request.extraFields().get("long")).hasSize(CtiRequestParser.MAX_EXTRA_VALUE_LENGTH);
        assertThat(request.extraFields()).doesNotContainKey("n".repeat(101));
    }

    @Test
    void shouldRefuseAMissingOrUnknownEvent() {
        assertThat(violations("callId=1")).containsExactly("Missing 'event'! Expected newCall, answer or hangup.");
        assertThat(violations("event=NewCall&callId=1")).containsExactly("Invalid 'event'! Expected newCall, answer or hangup.");
    }

    @Test
    void shouldRefuseAMissingOrOverlongCallId() {
        assertThat(violations("event=answer")).containsExactly("Missing 'callId'!");
        assertThat(violations("event=answer&callId=" + "1".repeat(251)))
                .containsExactly("Invalid 'callId'! It is longer than 250 characters.");
        assertThat(parse("event=answer&callId=" + "1".repeat(250)).callId()).hasSize(250);
    }

    @Test
    void shouldRefuseADirectionThatIsNeitherInNorOut() {
        assertThat(violations("event=answer&callId=1&direction=inbound")).containsExactly("Invalid 'direction'!");
        assertThat(violations("event=newCall&callId=1")).containsExactly("Invalid 'direction'!");
        assertThat(violations("event=newCall&callId=1&direction=")).containsExactly("Invalid 'direction'!");
    }

    @Test
    void shouldListEveryViolation() {
        assertThat(violations("direction=sideways")).containsExactly(
                "Missing 'event'! Expected newCall, answer or hangup.", "Missing 'callId'!", "Invalid 'direction'!");
    }

    private CtiRequest parse(String form) {
        return parser.parse(FormUrlEncoded.parse(form));
    }

    private java.util.List<String> violations(String form) {
        assertThatThrownBy(() -> parse(form)).isInstanceOf(InvalidCtiRequestException.class);
        return catchThrowableOfType(InvalidCtiRequestException.class, () -> parse(form)).violations();
    }

    @Test
    void shouldDropNulEverywhereAsZammadCannotStoreIt() {
        CtiRequest request = parse("event=new%00Call&callId=1%002&direction=i%00n&user=Al%00ice&Call%00Type=x%00y");

        assertThat(request.event()).isEqualTo(CallEventType.NEW_CALL);
        assertThat(request.callId()).isEqualTo("12");
        assertThat(request.users()).containsExactly("Alice");
        assertThat(request.extraFields()).containsEntry("CallType", "xy");
    }

    @Test
    void shouldRefuseControlCharactersInTheCallIdAndNameTheProblem() {
        for (String escaped : new String[] {"%0D%0A", "%0A", "%09", "%1B", "%7F", "%C2%85", "%E2%80%A8", "%85"}) {
            InvalidCtiRequestException invalid = catchThrowableOfType(InvalidCtiRequestException.class,
                    () -> parse("event=answer&callId=a" + escaped + "b"));

            assertThat(invalid).as(escaped).isNotNull();
            assertThat(invalid.violations()).containsExactly(CtiRequestParser.INVALID_CALL_ID_CHARACTERS);
        }
    }

    @Test
    void shouldTurnControlCharactersInTextIntoSpaces() {
        CtiRequest request = parse("event=hangup&callId=1&from=%0D%0A49&to=80%090&user=Bob%0A&queue=q%1B&cause=busy%0D"
                + "&answeringNumber=1%7F2&X%0AY=a%0Ab");

        assertThat(request.from()).isEqualTo("  49");
        assertThat(request.to()).isEqualTo("80 0");
        assertThat(request.users()).containsExactly("Bob ");
        assertThat(request.queue()).isEqualTo("q ");
        assertThat(request.cause()).isEqualTo("busy ");
        assertThat(request.answeringNumber()).isEqualTo("1 2");
        assertThat(request.extraFields()).containsEntry("X Y", "a b");
    }
}
