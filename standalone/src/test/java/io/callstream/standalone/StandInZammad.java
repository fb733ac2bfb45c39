package io.callstream.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that answers the generic CTI endpoint as Zammad does: 200 {} for
 * its token, 500 "call_id ... already exists!" for a repeated newCall, 500 "No such call_id" for an
 * answer or hangup of a call it never saw, 401 for any other token. Keeps what it accepted, in order.
 */
final class StandInZammad implements AutoCloseable {

    static final String TOKEN = "zammad-cti-token-5f2c";

    static {
        // The JDK's server writes a response's headers and body apart; without this, each answer waits
        // 40 ms for the client's delayed acknowledgement (Zammad behind its web server answers in one go).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One accepted event: its form parameters (a repeated one keeps its values joined by '|'). */
    record Received(Map<String, String> form) {
        String event() {
            return form.get("event");
        }

        String callId() {
            return form.get("callId");
        }
    }

    private final int port;
    private final List<Received> received = new ArrayList<>();
    private final Set<String> calls = new HashSet<>();
    private HttpServer server;

    private StandInZammad(int port) {
        this.port = port;
    }

    static StandInZammad start() throws IOException {
        StandInZammad zammad = new StandInZammad(0);
        zammad.up();
        return zammad;
    }

    String url(String token) {
        return "http://127.0.0.1:" + port() + "/api/v1/cti/" + token;
    }

    int port() {
        return server == null ? port : server.getAddress().getPort();
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Stops answering: connections are refused, as when Zammad is down. */
    void down() {
        server.stop(0);
    }

    /** Answers again, on the same port. */
    void up() throws IOException {
        int previous = server == null ? port : server.getAddress().getPort();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), previous), 64);
        server.createContext("/api/v1/cti/", this::answer);
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String token = exchange.getRequestURI().getPath().substring("/api/v1/cti/".length());
            if (!TOKEN.equals(token)) {
                respond(exchange, 401, "{\"error\":\"Invalid token, please contact your admin!\"}");
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String error = accept(new Received(form));
            if (error != null) {
                respond(exchange, 500, "{\"error\":\"" + error + "\"}");
            } else {
                respond(exchange, 200, "{}");
            }
        }
    }

    private synchronized String accept(Received event) {
        if ("newCall".equals(event.event()) && !calls.add(event.callId())) {
            return "call_id " + event.callId() + " already exists!";
        }
        if (!"newCall".equals(event.event()) && !calls.contains(event.callId())) {
            return "No such call_id " + event.callId();
        }
        received.add(event);
        return null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.merge(name, value, (first, next) -> first + "|" + next);
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
