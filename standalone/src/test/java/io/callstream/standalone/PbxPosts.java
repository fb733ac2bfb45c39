package io.callstream.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A CTI event as a PBX posts it: a form to {@code /api/v1/cti/{token}} of the server at {@code base}. */
final class PbxPosts {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PbxPosts() {
    }

    static HttpResponse<String> post(String base, String token, String form) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cti/" + token))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
