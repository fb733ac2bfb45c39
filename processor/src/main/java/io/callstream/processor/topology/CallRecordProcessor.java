package io.callstream.processor.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.callstream.processor.calls.CallHistories;
import io.callstream.processor.calls.CallRecordDeriver;
import io.callstream.processor.calls.CallRules;
import io.callstream.processor.calls.CallSplitter;
import io.callstream.processor.calls.SplitCall;
import io.callstream.schema.CallCommand;
import io.callstream.schema.CallKey;
import io.callstream.schema.CallRecord;
import io.callstream.schema.Contact;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.internal.CallHistory;
import io.callstream.schema.internal.DoneMark;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Applies events and commands to the history of their call id, derives the records of its calls,
 * and publishes those that changed. Keeps the stores the queries read (caller log, active calls)
 * in step, and on a wall-clock schedule closes calls that never got a hangup and forgets calls
 * ended longer ago than the retention.
 */
final class CallRecordProcessor implements Processor<String, CallInput, String, CallRecord> {

    private final CallRules rules;
    private final Duration punctuationInterval;
    private final CallRecordsWritten written;
    private ProcessorContext<String, CallRecord> context;
    private KeyValueStore<String, CallHistory> histories;
    private KeyValueStore<String, String> deadlines;
    private KeyValueStore<String, CallRecord> records;
    private KeyValueStore<String, String> log;
    private KeyValueStore<String, String> active;
    private KeyValueStore<String, ValueAndTimestamp<Contact>> contacts;

    CallRecordProcessor(CallRules rules, Duration punctuationInterval, CallRecordsWritten written) {
        this.rules = rules;
        this.punctuationInterval = punctuationInterval;
        this.written = written;
    }

    @Override
    public void init(ProcessorContext<String, CallRecord> context) {
        this.context = context;
        this.histories = context.getStateStore(StoreNames.CALL_HISTORY);
        this.deadlines = context.getStateStore(StoreNames.CALL_DEADLINES);
        this.records = context.getStateStore(StoreNames.CALL_RECORDS);
        this.log = context.getStateStore(StoreNames.CALL_LOG);
        this.active = context.getStateStore(StoreNames.ACTIVE_CALLS);
        this.contacts = context.getStateStore(StoreNames.CONTACTS);
        context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME,
                now -> closeAndForget(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<String, CallInput> record) {
        CallKey key = CallKey.parse(record.key());
        CallHistory before = Optional.ofNullable(histories.get(record.key())).orElseGet(CallHistories::empty);
        Optional<CallHistory> after = record.value() instanceof CallInput.Event event
                ? withEvent(key, before, event.event())
                : withCommand(key, before, ((CallInput.Command) record.value()).command());
        after.ifPresent(history -> update(key, before, history, record.timestamp()));
    }

    private Optional<CallHistory> withEvent(CallKey key, CallHistory history, CtiEvent event) {
        if (!key.equals(new CallKey(event.getSite(), event.getCallId()))) {
            throw new IllegalArgumentException("event of " + event.getSite() + "/" + event.getCallId()
                    + " published under key " + key);
        }
        return CallHistories.withEvent(history, event, rules);
    }

    private Optional<CallHistory> withCommand(CallKey key, CallHistory history, CallCommand command) {
        List<SplitCall> calls = CallSplitter.split(history, rules);
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        int call = command.getCall() == null ? calls.get(calls.size() - 1).number() : command.getCall();
        if (calls.stream().noneMatch(known -> known.number() == call)) {
            return Optional.empty();
        }
        return CallHistories.withDoneMark(history, DoneMark.newBuilder()
                .setCall(call)
                .setDone(command.getDone())
                .setMarkedAt(command.getIssuedAt())
                .setCommandId(command.getCommandId())
                .build());
    }

    /** Stores the new history and publishes every record it changed. */
    private void update(CallKey key, CallHistory before, CallHistory after, long timestamp) {
        update(key, before, CallSplitter.split(before, rules), after, CallSplitter.split(after, rules), timestamp);
    }

    /** As above, with the calls already split; returns the call id's deadline entry now, if it has one. */
    private Optional<String> update(CallKey key, CallHistory before, List<SplitCall> beforeCalls, CallHistory after,
            List<SplitCall> afterCalls, long timestamp) {
        Function<String, Optional<Contact>> contacts = contactsOnce();
        Map<Integer, CallRecord> oldRecords = derive(key, before, beforeCalls, contacts);
        List<Record<String, CallRecord>> changed = new ArrayList<>();
        for (CallRecord record : derive(key, after, afterCalls, contacts).values()) {
            CallRecord old = oldRecords.get(record.getCall());
            if (!record.equals(old)) {
                String recordKey = RecordKeys.of(record);
                records.put(recordKey, record);
                index(old, record, recordKey);
                changed.add(new Record<>(recordKey, record, timestamp));
            }
        }
        histories.put(key.toString(), after);
        Optional<String> deadline = reschedule(key.toString(), nextDeadline(before, beforeCalls),
                nextDeadline(after, afterCalls));
        // Downstream (the topic, the statistics) runs in this call: it gets the records once the stores are consistent.
        for (Record<String, CallRecord> record : changed) {
            context.forward(record);
            written.written(record.value());
        }
        return deadline;
    }

    private Map<Integer, CallRecord> derive(CallKey key, CallHistory history, List<SplitCall> calls,
            Function<String, Optional<Contact>> contacts) {
        Map<Integer, CallRecord> derived = new HashMap<>();
        for (SplitCall call : calls) {
            derived.put(call.number(), CallRecordDeriver.derive(key.site(), key.callId(), call, history.getDoneMarks(),
                    contacts));
        }
        return derived;
    }

    /** Looks each number up in the contacts once: the records before and after an event name the same numbers. */
    private Function<String, Optional<Contact>> contactsOnce() {
        Map<String, Optional<Contact>> found = new HashMap<>();
        return number -> found.computeIfAbsent(number,
                unknown -> Optional.ofNullable(contacts.get(unknown)).map(ValueAndTimestamp::value));
    }

    /** The indexes change only when a call starts, changes its start time, or ends (gets its outcome). */
    private void index(CallRecord old, CallRecord record, String recordKey) {
        String logKey = RecordKeys.logKey(record);
        if (old == null || !RecordKeys.logKey(old).equals(logKey)) {
            if (old != null) {
                log.delete(RecordKeys.logKey(old));
            }
            log.put(logKey, recordKey);
        }
        boolean wasActive = old != null && old.getOutcome() == null;
        boolean isActive = record.getOutcome() == null;
        if (isActive && !wasActive) {
            active.put(recordKey, recordKey);
        } else if (wasActive && !isActive) {
            active.delete(recordKey);
        }
    }

    private void forget(CallRecord record) {
        String recordKey = RecordKeys.of(record);
        records.delete(recordKey);
        log.delete(RecordKeys.logKey(record));
        active.delete(recordKey);
    }

    /**
     * Keeps exactly one deadline entry per call id: the next time it needs a look, rounded up to a whole
     * punctuation interval. Deadlines are only checked that often anyway, and the events of a call then mostly
     * leave its entry as it is instead of replacing it (a delete and a put, each with its changelog record).
     * Returns the call id's entry after the change, if it has one.
     */
    private Optional<String> reschedule(String callIdKey, Optional<Instant> before, Optional<Instant> after) {
        Optional<String> from = before.map(deadline -> RecordKeys.deadlineKey(roundedUp(deadline), callIdKey));
        Optional<String> to = after.map(deadline -> RecordKeys.deadlineKey(roundedUp(deadline), callIdKey));
        if (!from.equals(to)) {
            from.ifPresent(deadlines::delete);
            to.ifPresent(entry -> deadlines.put(entry, callIdKey));
        }
        return to;
    }

    private Instant roundedUp(Instant deadline) {
        long interval = punctuationInterval.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(deadline.toEpochMilli() + interval - 1, interval) * interval);
    }

    /**
     * The earliest of: closing the open call, forgetting an ended call, and (once every call is
     * forgotten) forgetting the call id itself.
     */
    private Optional<Instant> nextDeadline(CallHistory history, List<SplitCall> calls) {
        if (calls.isEmpty()) {
            return Optional.ofNullable(history.getEvictedUntil()).map(until -> until.plus(rules.idMemory()));
        }
        return calls.stream()
                .map(call -> call.end().map(end -> end.plus(rules.retention()))
                        .orElseGet(() -> call.lastEventAt().plus(rules.openTimeout())))
                .min(Instant::compareTo);
    }

    /**
     * Looks at every call id with a deadline entry due. A due entry that is not the call id's entry after
     * the look goes: so no entry outlives its call id, also one an older version wrote (it kept deadlines to
     * the millisecond).
     */
    private void closeAndForget(Instant now) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = deadlines.range(null, RecordKeys.lastDeadlineKeyDueAt(now))) {
            entries.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            CallHistory before = histories.get(entry.value);
            Optional<String> kept = before == null ? Optional.empty()
                    : closeAndForget(CallKey.parse(entry.value), before, now);
            if (!kept.equals(Optional.of(entry.key))) {
                deadlines.delete(entry.key);
            }
        }
    }

    /** Returns the call id's deadline entry after the look, if it is still remembered. */
    private Optional<String> closeAndForget(CallKey key, CallHistory before, Instant now) {
        List<SplitCall> beforeCalls = CallSplitter.split(before, rules);
        if (beforeCalls.isEmpty()) {
            reschedule(key.toString(), nextDeadline(before, beforeCalls), Optional.empty());
            histories.delete(key.toString());
            return Optional.empty();
        }
        CallHistory after = before;
        List<SplitCall> calls = beforeCalls;
        SplitCall last = calls.get(calls.size() - 1);
        Instant closeAt = last.lastEventAt().plus(rules.openTimeout());
        if (last.end().isEmpty() && !closeAt.isAfter(now)) {
            after = CallHistories.withTimeout(after, closeAt);
            calls = CallSplitter.split(after, rules);
        }
        int forgotten = 0;
        Instant lastEnd = null;
        Map<Integer, CallRecord> current = derive(key, after, calls, contactsOnce());
        for (SplitCall call : calls) {
            Optional<Instant> end = call.end();
            if (end.isEmpty() || end.get().plus(rules.retention()).isAfter(now)) {
                break;
            }
            forget(current.get(call.number()));
            forgotten++;
            lastEnd = end.get();
        }
        if (forgotten > 0) {
            after = CallHistories.evict(after, forgotten, lastEnd, calls.subList(forgotten, calls.size()));
            calls = calls.subList(forgotten, calls.size());
        }
        return update(key, before, beforeCalls, after, calls, now.toEpochMilli());
    }
}
