package io.callstream.ingress.cti;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.callstream.ingress.JsonText;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;

/** Sends the same CTI parameters in each of the encodings real PBXs use. */
final class CtiPost {

    /** How the parameters travel. */
    enum Encoding {
        FORM, NO_CONTENT_TYPE, JSON, MULTIPART, QUERY
    }

    record Param(String name, String value) {
    }

    private CtiPost() {
    }

    static Param param(String name, String value) {
        return new Param(name, value);
    }

    static WebTestClient.ResponseSpec post(WebTestClient client, String token, Encoding encoding, List<Param> params) {
        String path = "/api/v1/cti/" + token;
        return switch (encoding) {
            case FORM -> client.post().uri(path)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue(form(params))
                    .exchange();
            case NO_CONTENT_TYPE -> client.post().uri(path)
                    .body(BodyInserters.fromDataBuffers(Mono.just(
                            DefaultDataBufferFactory.sharedInstance.wrap(form(params).getBytes(StandardCharsets.UTF_8)))))
                    .exchange();
            case JSON -> client.post().uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(json(params))
                    .exchange();
            case MULTIPART -> client.post().uri(path)
                    .body(BodyInserters.fromMultipartData(multipart(params)))
                    .exchange();
            case QUERY -> client.post().uri(URI.create(path + "?" + form(params))).exchange();
        };
    }

    static String form(List<Param> params) {
        return params.stream()
                .map(p -> encode(p.name()) + "=" + encode(p.value()))
                .collect(Collectors.joining("&"));
    }

    /** As the 3CX bridge sends it: {@code user[]} becomes a JSON array named {@code user}. */
    static String json(List<Param> params) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Param p : params) {
            grouped.computeIfAbsent(p.name(), name -> new ArrayList<>()).add(p.value());
        }
        return grouped.entrySet().stream()
                .map(entry -> {
                    boolean array = entry.getKey().endsWith("[]") || entry.getValue().size() > 1;
                    String name = entry.getKey().replace("[]", "");
                    String values = entry.getValue().stream().map(JsonText::quote).collect(Collectors.joining(","));
                    return JsonText.quote(name) + ":" + (array ? "[" + values + "]" : values);
                })
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart(
            List<Param> params) {
        MultipartBodyBuilder builder = new MultipartBodyBuilder();
        params.forEach(p -> builder.part(p.name(), p.value()));
        return builder.build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
