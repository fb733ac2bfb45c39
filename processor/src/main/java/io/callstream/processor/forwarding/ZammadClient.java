package io.callstream.processor.forwarding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.callstream.schema.CallEventType;
import io.callstream.schema.CtiEvent;

/**
 * Posts one event to a Zammad and reads its answer as delivered, worth a retry, or refused for
 * good. Zammad's own answers: 200 (delivered; its rule decision is ignored, the PBX has ours), 500
 * "call_id ... already exists!" to a repeated newCall (delivered before), 500 "No such call_id"
 * (it never saw the call's newCall: retrying cannot help), 401 (wrong token), 422 (CTI switched
 * off). The URL is a secret: it appears in no message this class makes.
 */
final class ZammadClient {

    enum Verdict { DELIVERED, RETRY, REFUSED }

    record Answer(Verdict verdict, String reason) {
    }

    private static final int MAX_REASON_LENGTH = 200;

    private final HttpClient http;
    private final Duration timeout;

    ZammadClient(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    Answer post(String url, CtiEvent event) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(ZammadForm.of(event))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return answer(event, response.statusCode(), response.body());
        } catch (IllegalArgumentException unusable) {
            // Its message would quote the URL, token and all.
            return new Answer(Verdict.REFUSED, "the forwarding URL cannot be used (" + unusable.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            return new Answer(Verdict.RETRY, "Zammad not reachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Verdict.RETRY, "interrupted");
        }
    }

    static Answer answer(CtiEvent event, int status, String body) {
        String text = body == null ? "" : body.length() > MAX_REASON_LENGTH ? body.substring(0, MAX_REASON_LENGTH) : body;
        if (status >= 200 && status < 300) {
            return new Answer(Verdict.DELIVERED, null);
        }
        if (status == 500 && event.getEvent() == CallEventType.NEW_CALL && text.contains("already exists")) {
            return new Answer(Verdict.DELIVERED, "repeated newCall");
        }
        if (status == 500 && text.contains("No such call_id")) {
            return new Answer(Verdict.REFUSED, "Zammad answered 500, it has no such call: " + text);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new Answer(Verdict.REFUSED, "Zammad answered " + status + ": " + text);
        }
        return new Answer(Verdict.RETRY, "Zammad answered " + status);
    }
}
