package io.callstream.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One edge instance on a random port of 127.0.0.1, as a test drives it: PBX requests, admin calls, probes. */
final class EdgeInstance implements AutoCloseable {

    static final String ADMIN_TOKEN = "it-admin-token-7d1e0c5b";

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String management;

    private EdgeInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.management = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port");
    }

    static EdgeInstance start(String bootstrapServers, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "server.address=127.0.0.1",
                "management.server.port=0",
                "spring.kafka.bootstrap-servers=" + bootstrapServers,
                // Start even while Kafka is away, instead of waiting 30 s per admin operation.
                "spring.kafka.admin.operation-timeout=2s",
                "callstream.ingress.spool.directory=target/spools/" + UUID.randomUUID(),
                "callstream.ingress.admin.token=" + ADMIN_TOKEN));
        all.addAll(List.of(properties));
        // As command-line arguments: they beat ingress.yml, as an operator's settings would.
        return new EdgeInstance(new SpringApplicationBuilder(IngressApplication.class)
                .properties("spring.config.name=ingress")
                .run(all.stream().map(property -> "--" + property).toArray(String[]::new)));
    }

    /** Posts a form to the PBX endpoint; returns "status body". */
    String cti(String token, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cti/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Calls the admin API with the right token; returns "status body". */
    String admin(String method, String path, String json) {
        return adminAs(ADMIN_TOKEN, method, path, json);
    }

    String adminAs(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/sites" + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** Sends {@code method} to {@code path} with an optional {@code Authorization} header; returns "status body". */
    String request(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    int readiness() {
        String answer = send(HttpRequest.newBuilder(URI.create(management + "/actuator/health/readiness")).GET());
        return Integer.parseInt(answer.substring(0, 3));
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** GET on the management port (health, metrics, API documentation). */
    String getManagement(String path) {
        return send(HttpRequest.newBuilder(URI.create(management + path)).GET());
    }

    @Override
    public void close() {
        context.close();
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
