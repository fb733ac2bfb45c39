package io.callstream.ingress.cti;

import static io.callstream.ingress.cti.CtiPost.param;
import static io.callstream.ingress.cti.CtiPost.post;
import static io.callstream.ingress.cti.TestEdge.BERLIN_TOKEN;
import static io.callstream.ingress.cti.TestEdge.DISABLED_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.callstream.ingress.cti.CtiPost.Encoding;
import io.callstream.ingress.cti.CtiPost.Param;
import io.callstream.schema.CallEventType;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.Direction;
import io.callstream.schema.EdgeDecision;
import io.callstream.schema.HangupCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every row of the answer table in docs/pbx-contract.md, in every request encoding, against the real
 * handler; what is published is read back from the producer.
 */
class CtiEndpointTest {

    private final TestEdge edge = TestEdge.withKafkaAcknowledging();

    private static final List<Param> ZAMMAD_DOCS_NEW_CALL = List.of(
            param("event", "newCall"), param("from", "493055571600"), param("to", "491711234567890"),
            param("direction", "in"), param("callId", "123456"), param("user[]", "Alice"), param("user[]", "Bob"));
    private static final List<Param> ZAMMAD_DOCS_HANGUP = List.of(
            param("event", "hangup"), param("from", "493055571600"), param("to", "491711234567890"),
            param("direction", "in"), param("callId", "123456"), param("cause", "cancel"));

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldAnswerAnAcceptedNewCallWithAnEmptyObjectAndPublishIt(Encoding encoding) {
        expect(post(edge.client, BERLIN_TOKEN, encoding, ZAMMAD_DOCS_NEW_CALL), 200, "{}");

        CtiEvent event = edge.onlyPublishedEvent();
        assertThat(edge.published().get(0).key()).isEqualTo("berlin/123456");
        assertThat(event.getSite()).isEqualTo("berlin");
        assertThat(event.getEvent()).isEqualTo(CallEventType.NEW_CALL);
        assertThat(event.getCallId()).isEqualTo("123456");
        assertThat(event.getDirection()).isEqualTo(Direction.IN);
        assertThat(event.getFrom()).isEqualTo("493055571600");
        assertThat(event.getTo()).isEqualTo("491711234567890");
        assertThat(event.getFromNormalized()).isEqualTo("493055571600");
        assertThat(event.getUsers()).containsExactly("Alice", "Bob");
        assertThat(event.getReceivedAt()).isEqualTo(TestEdge.NOW);
        assertThat(event.getDecision()).isEqualTo(EdgeDecision.NONE);
        assertThat(event.getEventId()).hasSize(36);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldRefuseAnUnknownTokenWithZammadsMessage(Encoding encoding) {
        expect(post(edge.client, "not-a-token", encoding, ZAMMAD_DOCS_NEW_CALL),
                401, "{\"error\":\"Invalid token, please contact your admin!\"}");
        assertThat(edge.published()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldRefuseADisabledSiteWithZammadsMessage(Encoding encoding) {
        expect(post(edge.client, DISABLED_TOKEN, encoding, ZAMMAD_DOCS_NEW_CALL),
                422, "{\"error\":\"Feature is disabled, please contact your administrator!\"}");
        assertThat(edge.published()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldRefuseADirectionThatIsNeitherInNorOut(Encoding encoding) {
        List<Param> sideways = replace(ZAMMAD_DOCS_NEW_CALL, "direction", "sideways");

        expect(post(edge.client, BERLIN_TOKEN, encoding, sideways), 422, "{\"error\":\"Invalid 'direction'!\"}");
        assertThat(edge.published()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldRefuseANewCallWithoutDirection(Encoding encoding) {
        expect(post(edge.client, BERLIN_TOKEN, encoding, without(ZAMMAD_DOCS_NEW_CALL, "direction")),
                422, "{\"error\":\"Invalid 'direction'!\"}");
        expect(post(edge.client, BERLIN_TOKEN, encoding, replace(ZAMMAD_DOCS_NEW_CALL, "direction", "")),
                422, "{\"error\":\"Invalid 'direction'!\"}");
        assertThat(edge.published()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldAcceptAnswerAndHangupWithoutDirectionOrNumbers(Encoding encoding) {
        expect(post(edge.client, BERLIN_TOKEN, encoding, List.of(
                param("event", "answer"), param("callId", "123456"), param("direction", ""))), 200, "{}");
        expect(post(edge.client, BERLIN_TOKEN, encoding, List.of(
                param("event", "hangup"), param("callId", "123456"), param("cause", "normalClearing"))), 200, "{}");

        assertThat(edge.published()).hasSize(2);
        assertThat(edge.published().get(0).value().getDirection()).isNull();
        assertThat(edge.published().get(1).value().getFrom()).isNull();
        assertThat(edge.published().get(1).value().getNormalizedCause()).isEqualTo(HangupCause.NORMAL_CLEARING);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldRefuseAMissingOrUnknownEventAndAMissingCallId(Encoding encoding) {
        expect(post(edge.client, BERLIN_TOKEN, encoding, without(ZAMMAD_DOCS_NEW_CALL, "event")),
                422, "{\"error\":\"Missing 'event'! Expected newCall, answer or hangup.\"}");
        expect(post(edge.client, BERLIN_TOKEN, encoding, replace(ZAMMAD_DOCS_NEW_CALL, "event", "ringing")),
                422, "{\"error\":\"Invalid 'event'! Expected newCall, answer or hangup.\"}");
        expect(post(edge.client, BERLIN_TOKEN, encoding, without(ZAMMAD_DOCS_NEW_CALL, "callId")),
                422, "{\"error\":\"Missing 'callId'!\"}");
        assertThat(edge.published()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldRefuseACallIdOver250Characters(Encoding encoding) {
        expect(post(edge.client, BERLIN_TOKEN, encoding, replace(ZAMMAD_DOCS_NEW_CALL, "callId", "x".repeat(251))),
                422, "{\"error\":\"Invalid 'callId'! It is longer than 250 characters.\"}");
        assertThat(edge.published()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldRefuseACallIdWithLineBreaksOrOtherControlCharacters(Encoding encoding) {
        for (String callId : List.of("inj\r\nSet-Cookie: x=1", "tab\there", "bell\u0007", "nel\u0085", "ls\u2028")) {
            expect(post(edge.client, BERLIN_TOKEN, encoding, replace(ZAMMAD_DOCS_NEW_CALL, "callId", callId)), 422,
                    "{\"error\":\"Invalid 'callId'! It contains control characters (a line break, tab or similar).\"}");
        }
        assertThat(edge.published()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldDropNulCharactersAndTurnOtherControlCharactersInTextIntoSpaces(Encoding encoding) {
        List<Param> call = List.of(param("event", "newCall"), param("direction", "in"), param("callId", "nul\u0000-1"),
                param("from", "4930\u0000555"), param("to", "800"), param("user[]", "Alice\r\nBob"),
                param("queue", "sup\tport"), param("CallType", "ex\u001bternal"));

        expect(post(edge.client, BERLIN_TOKEN, encoding, call), 200, "{}");

        var event = edge.published().get(0).value();
        assertThat(event.getCallId()).isEqualTo("nul-1");
        assertThat(event.getFrom()).isEqualTo("4930555");
        assertThat(event.getUsers()).containsExactly("Alice  Bob");
        assertThat(event.getQueue()).isEqualTo("sup port");
        assertThat(event.getExtraFields()).containsEntry("CallType", "ex ternal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "*", "text/plain", "application/octet-stream", "text/*",
            "application/x-www-form-urlencoded; charset=latin1"})
    void shouldReadABodyOfAnyOtherContentTypeAsAForm(String contentType) {
        expect(edge.client.post().uri("/api/v1/cti/" + BERLIN_TOKEN).header("Content-Type", contentType)
                        .bodyValue(CtiPost.form(ZAMMAD_DOCS_NEW_CALL).getBytes(StandardCharsets.UTF_8)).exchange(),
                200, "{}");
        assertThat(edge.published()).hasSize(1);
    }

    @Test
    void shouldReadAJsonBodyUnderAWildcardContentTypeAsJson() {
        expect(edge.client.post().uri("/api/v1/cti/" + BERLIN_TOKEN).header("Content-Type", "*/*")
                        .bodyValue("{\"event\":\"answer\",\"callId\":\"42\"}".getBytes(StandardCharsets.UTF_8)).exchange(),
                200, "{}");
        assertThat(edge.published().get(0).value().getCallId()).isEqualTo("42");
    }

    @Test
    void shouldNameEveryViolationWhenThereAreSeveral() {
        expect(post(edge.client, BERLIN_TOKEN, Encoding.FORM, List.of(param("direction", "up"))), 422,
                "{\"error\":\"Missing 'event'! Expected newCall, answer or hangup.\",\"errors\":["
                        + "\"Missing 'event'! Expected newCall, answer or hangup.\",\"Missing 'callId'!\","
                        + "\"Invalid 'direction'!\"]}");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldRejectABlockedInboundCallerAndStillPublishTheCall(Encoding encoding) {
        List<Param> blocked = replace(ZAMMAD_DOCS_NEW_CALL, "from", "00491715000000");

        expect(post(edge.client, BERLIN_TOKEN, encoding, blocked), 200, "{\"action\":\"reject\",\"reason\":\"busy\"}");
        assertThat(edge.onlyPublishedEvent().getDecision()).isEqualTo(EdgeDecision.REJECT);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldTellThePbxWhichCallerIdToDialWithAndEchoTheNumberExactly(Encoding encoding) {
        List<Param> outbound = List.of(param("event", "newCall"), param("direction", "out"),
                param("from", "4930555"), param("to", "+41 47 110000000"), param("callId", "out-1"));

        expect(post(edge.client, BERLIN_TOKEN, encoding, outbound), 200,
                "{\"action\":\"dial\",\"caller_id\":\"41715877777\",\"number\":\"+41 47 110000000\"}");
        CtiEvent event = edge.onlyPublishedEvent();
        assertThat(event.getToNormalized()).isEqualTo("4147110000000");
        assertThat(event.getDecision()).isEqualTo(EdgeDecision.DIAL);
        assertThat(event.getDialCallerId()).isEqualTo("41715877777");
    }

    @Test
    void shouldDialWithTheDefaultCallerIdWhenNoRowMatches() {
        List<Param> outbound = List.of(param("event", "newCall"), param("direction", "out"),
                param("from", "4930555"), param("to", "4989123456"), param("callId", "out-2"));

        expect(post(edge.client, BERLIN_TOKEN, Encoding.FORM, outbound), 200,
                "{\"action\":\"dial\",\"caller_id\":\"4930777000\",\"number\":\"4989123456\"}");
    }

    @Test
    void shouldNotDialAnOutboundCallWithoutDestination() {
        List<Param> outbound = List.of(param("event", "newCall"), param("direction", "out"),
                param("from", "4930555"), param("to", ""), param("callId", "out-3"));

        expect(post(edge.client, BERLIN_TOKEN, Encoding.FORM, outbound), 200, "{}");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void shouldAnswerDuplicatesAndEventsOfUnknownCallsWithAnEmptyObject(Encoding encoding) {
        List<Param> hangupOfUnknownCall = List.of(param("event", "hangup"), param("callId", "never-seen"),
                param("direction", "in"), param("cause", "cancel"));
        List<Param> answerAfterHangup = List.of(param("event", "answer"), param("callId", "never-seen"),
                param("direction", "in"), param("user", "Alice"));

        expect(post(edge.client, BERLIN_TOKEN, encoding, hangupOfUnknownCall), 200, "{}");
        expect(post(edge.client, BERLIN_TOKEN, encoding, hangupOfUnknownCall), 200, "{}");
        expect(post(edge.client, BERLIN_TOKEN, encoding, answerAfterHangup), 200, "{}");
        expect(post(edge.client, BERLIN_TOKEN, encoding, ZAMMAD_DOCS_NEW_CALL), 200, "{}");
        expect(post(edge.client, BERLIN_TOKEN, encoding, ZAMMAD_DOCS_NEW_CALL), 200, "{}");
        assertThat(edge.published()).hasSize(5);
    }

    @Test
    void shouldRefuseABodyOverTheLimit() {
        String tooLarge = CtiPost.form(ZAMMAD_DOCS_NEW_CALL) + "&padding=" + "x".repeat(TestEdge.MAX_BODY_BYTES);

        expect(edge.client.post().uri("/api/v1/cti/" + BERLIN_TOKEN)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(tooLarge).exchange(),
                413, "{\"error\":\"Request body too large: the limit is 65536 bytes.\"}");
        assertThat(edge.published()).isEmpty();
    }

    @Test
    void shouldRefuseMalformedJson() {
        WebTestClient.ResponseSpec response = edge.client.post().uri("/api/v1/cti/" + BERLIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"event\": \"newCall\",").exchange();

        response.expectStatus().isEqualTo(400).expectBody().jsonPath("$.error").value(
                error -> assertThat((String) error).startsWith("Malformed JSON body"));
        assertThat(edge.published()).isEmpty();
    }

    @Test
    void shouldRefuseABrokenFormEscape() {
        expect(edge.client.post().uri("/api/v1/cti/" + BERLIN_TOKEN)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .bodyValue("event=newCall&direction=in&callId=1&from=%G1").exchange(),
                400, "{\"error\":\"Malformed form data: invalid '%' escape.\"}");
        assertThat(edge.published()).isEmpty();
    }

    @Test
    void shouldSpoolWhatKafkaDoesNotAcknowledgeInTimeAndAnswerAsUsual() {
        TestEdge stalled = TestEdge.withKafkaNeverAcknowledging();
        long started = System.nanoTime();

        expect(post(stalled.client, BERLIN_TOKEN, Encoding.FORM, ZAMMAD_DOCS_NEW_CALL), 200, "{}");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TestEdge.PUBLISH_TIMEOUT.plusSeconds(2));
        assertThat(stalled.spool.events()).isEqualTo(1);

        expect(post(stalled.client, BERLIN_TOKEN, Encoding.FORM, ZAMMAD_DOCS_HANGUP), 200, "{}");
        assertThat(stalled.spool.events()).as("behind the spooled one, without waiting for Kafka").isEqualTo(2);
        assertThat(stalled.published()).as("handed to Kafka before the spool took over").hasSize(1);
    }

    @Test
    void shouldAnswer503WhenNeitherKafkaNorTheSpoolTakesTheEventInTime() {
        TestEdge full = TestEdge.withNowhereToStore();
        long started = System.nanoTime();

        expect(post(full.client, BERLIN_TOKEN, Encoding.FORM, ZAMMAD_DOCS_NEW_CALL),
                503, "{\"error\":\"The event could not be stored in time, please retry.\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TestEdge.PUBLISH_TIMEOUT.plusSeconds(2));
        assertThat(full.spool.events()).isZero();
    }

    @Test
    void shouldAnswer503UntilTheSitesAreLoadedRatherThanGuessAnAnswer() {
        TestEdge starting = TestEdge.beforeTheSitesAreLoaded();

        expect(post(starting.client, BERLIN_TOKEN, Encoding.FORM, ZAMMAD_DOCS_NEW_CALL), 503,
                "{\"error\":\"Starting up: the site rules are not loaded yet, please retry.\"}");
        assertThat(starting.published()).isEmpty();
    }

    @Test
    void shouldAnswerOtherMethodsWithJson405() {
        for (var method : List.of(org.springframework.http.HttpMethod.GET, org.springframework.http.HttpMethod.PUT,
                org.springframework.http.HttpMethod.DELETE)) {
            edge.client.method(method).uri("/api/v1/cti/" + BERLIN_TOKEN).exchange()
                    .expectStatus().isEqualTo(405)
                    .expectHeader().valueEquals("Allow", "POST")
                    .expectHeader().contentType(MediaType.APPLICATION_JSON)
                    .expectBody(String.class).isEqualTo("{\"error\":\"Method not allowed: CTI events are sent with POST.\"}");
        }
    }

    @Test
    void shouldCountRequestsByEventAndOutcome() {
        post(edge.client, BERLIN_TOKEN, Encoding.FORM, ZAMMAD_DOCS_NEW_CALL).expectStatus().isOk();
        post(edge.client, "wrong", Encoding.FORM, ZAMMAD_DOCS_NEW_CALL).expectStatus().isUnauthorized();

        assertThat(edge.meters.get("callstream.cti.requests").tags("event", "newCall", "outcome", "accepted")
                .counter().count()).isEqualTo(1.0);
        assertThat(edge.meters.get("callstream.cti.requests").tags("event", "unknown", "outcome", "invalid_token")
                .counter().count()).isEqualTo(1.0);
        assertThat(edge.meters.get("callstream.cti.publish").tags("result", "acknowledged").timer().count())
                .isEqualTo(1);
    }

    static void expect(WebTestClient.ResponseSpec response, int status, String body) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().consumeWith(result -> assertThat(
                        new String(result.getResponseBodyContent(), StandardCharsets.UTF_8)).isEqualTo(body));
    }

    static List<Param> replace(List<Param> params, String name, String value) {
        List<Param> replaced = new ArrayList<>();
        for (Param p : params) {
            replaced.add(p.name().equals(name) ? param(name, value) : p);
        }
        return replaced;
    }

    static List<Param> without(List<Param> params, String name) {
        return params.stream().filter(p -> !p.name().equals(name)).toList();
    }
}
