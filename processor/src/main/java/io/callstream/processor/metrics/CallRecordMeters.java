package io.callstream.processor.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.callstream.processor.topology.CallRecordsWritten;
import io.callstream.schema.CallRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code callstream_processor_records_total{outcome}}: call records written, each version of a call
 * once, by the outcome it had then ({@code open} while it has none). Counted as the processor
 * writes them, so a transaction that is aborted and retried counts its records again.
 */
public final class CallRecordMeters implements CallRecordsWritten {

    private final MeterRegistry registry;
    private final Map<String, Counter> byOutcome = new ConcurrentHashMap<>();

    public CallRecordMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void written(CallRecord record) {
        String outcome = record.getOutcome() == null ? "open" : record.getOutcome().name().toLowerCase(Locale.ROOT);
        byOutcome.computeIfAbsent(outcome, this::counter).increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder("callstream.processor.records")
                .description("Call records written (every version of a call), by the call's outcome at the time")
                .tag("outcome", outcome)
                .register(registry);
    }
}
