package io.callstream.standalone.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The README's curl sequence (Zammad's documented call), posted to an edge; the caller log read back from a processor. */
final class ReadmeCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> ZAMMAD_DOCS_CALL = List.of(
            "event=newCall&from=493055571600&to=491711234567890&direction=in&callId=docker-1&user[]=Alice&user[]=Bob",
            "event=answer&from=493055571600&to=491711234567890&direction=in&callId=docker-1&user=Alice&answeringNumber=491711234567890",
            "event=hangup&from=493055571600&to=491711234567890&direction=in&callId=docker-1&cause=normalClearing&answeringNumber=491711234567890");

    private ReadmeCalls() {
    }

    /** Posts the call (each answered {@code {}}) and waits until the processor's caller log shows it ended. */
    static void postAndExpectInTheCallerLog(String edge, String siteToken, String processor, String apiToken)
            throws Exception {
        for (String form : ZAMMAD_DOCS_CALL) {
            HttpResponse<String> answer = await().atMost(Duration.ofSeconds(60)).until(() -> HTTP.send(
                    HttpRequest.newBuilder(URI.create(edge + "/api/v1/cti/" + siteToken))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString()), response -> response.statusCode() != 503);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{}");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(HTTP.send(
                HttpRequest.newBuilder(URI.create(processor + "/api/v1/cti/log"))
                        .header("Authorization", "Bearer " + apiToken).build(),
                HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"call_id\":\"docker-1\"", "\"state\":\"hangup\""));
    }
}
