package io.callstream.ingress.observability;

import io.callstream.ingress.cti.CtiReply;
import io.callstream.schema.CallEventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts CTI requests by event (Zammad's name), outcome and status: {@code callstream_cti_requests_total}. */
public final class CtiMetrics {

    private final MeterRegistry meters;

    public CtiMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void record(CtiReply reply) {
        Counter.builder("callstream.cti.requests")
                .description("CTI requests answered, by event, outcome and HTTP status")
                .tag("event", eventName(reply.event()))
                .tag("outcome", reply.outcome())
                .tag("status", String.valueOf(reply.status().value()))
                .register(meters)
                .increment();
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
