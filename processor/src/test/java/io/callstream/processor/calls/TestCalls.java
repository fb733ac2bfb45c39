package io.callstream.processor.calls;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import io.callstream.schema.CallRecord;
import io.callstream.schema.Contact;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.internal.CallHistory;

/** The records the processor's rules make of one call id's events, delivered in the given order. */
final class TestCalls {

    private static final CallRules RULES = CallRules.defaults();

    private TestCalls() {
    }

    static Map<Integer, CallRecord> records(List<CtiEvent> arrivals, Function<String, Optional<Contact>> contacts) {
        CallHistory history = CallHistories.empty();
        for (CtiEvent event : arrivals) {
            history = CallHistories.withEvent(history, event, RULES).orElse(history);
        }
        Map<Integer, CallRecord> records = new TreeMap<>();
        for (SplitCall call : CallSplitter.split(history, RULES)) {
            records.put(call.number(), CallRecordDeriver.derive(TestEvents.SITE, arrivals.get(0).getCallId(), call,
                    List.of(), contacts));
        }
        return records;
    }
}
