package io.callstream.processor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One processor instance on a random port of 127.0.0.1, as a test drives it through HTTP. */
final class ProcessorInstance implements AutoCloseable {

    static final String API_TOKEN = "it-api-token-3c9d";

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String management;

    private ProcessorInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.management = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port");
    }

    static ProcessorInstance start(String bootstrapServers, String applicationId, Path stateDirectory) {
        List<String> arguments = new ArrayList<>(List.of(
                "server.port=0",
                "server.address=127.0.0.1",
                "management.server.port=0",
                "spring.kafka.bootstrap-servers=" + bootstrapServers,
                "callstream.processor.application-id=" + applicationId,
                "callstream.processor.state-directory=" + stateDirectory,
                "callstream.processor.advertised-host=127.0.0.1",
                "callstream.processor.api-token=" + API_TOKEN));
        return new ProcessorInstance(new SpringApplicationBuilder(ProcessorApplication.class)
                .properties("spring.config.name=processor")
                .run(arguments.stream().map(argument -> "--" + argument).toArray(String[]::new)));
    }

    /** GET with the API token; returns "status body". */
    String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + API_TOKEN).GET());
    }

    String getWithoutToken(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    String post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + API_TOKEN)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + API_TOKEN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
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

    /** GET on the management port (health, metrics, API documentation). */
    String getManagement(String path) {
        return send(HttpRequest.newBuilder(URI.create(management + path)).GET());
    }

    /** {@code http://127.0.0.1:<port>} of the API. */
    String base() {
        return base;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    int readiness() {
        return Integer.parseInt(send(HttpRequest.newBuilder(URI.create(management + "/actuator/health/readiness")).GET())
                .substring(0, 3));
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
