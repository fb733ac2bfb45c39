package io.callstream.ingress.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.callstream.ingress.cti.CtiReply;
import io.callstream.schema.CallEventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts CTI requests by event (Zammad's name), outcome and status: {@code callstream_cti_requests_total}. */
public final class CtiMetrics {

    private record CounterKey(CallEventType event, String outcome, int status) {
    }

    private final MeterRegistry meters;
    /** Looked up per request: a map probe instead of building and registering a meter each time. */
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    public CtiMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void record(CtiReply reply) {
        CounterKey key = new CounterKey(reply.event(), reply.outcome(), reply.status().value());
        counters.computeIfAbsent(key, this::register).increment();
    }

    private Counter register(CounterKey key) {
        return Counter.builder("callstream.cti.requests")
                .description("CTI requests answered, by event, outcome and HTTP status")
                .tag("event", eventName(key.event()))
                .tag("outcome", key.outcome())
                .tag("status", String.valueOf(key.status()))
                .register(meters);
    }

    private static String eventName(CallEventType event) {
        if (event == null) {
            return "unknown";
        }
        return switch (event) {
            case NEW_CALL -> "newCall";
            case ANSWER -> "answer";
            case HANGUP -> "hangup";
        };
    }
}
