package io.callstream.processor.topology;

import java.time.Instant;

import io.callstream.schema.CallRecord;

/** Keys of the records topic and of the stores' index entries. */
public final class RecordKeys {

    private RecordKeys() {
    }

    /** {@code "{site}/{callId}/{call}"}: the key of a call record. */
    public static String of(CallRecord record) {
        return record.getSite() + "/" + record.getCallId() + "/" + record.getCall();
    }

    /** Sorts newest first: smaller keys for later starts. */
    static String logKey(CallRecord record) {
        return String.format("%019d|%s", Long.MAX_VALUE - record.getInitializedAt().toEpochMilli(), of(record));
    }

    static String deadlineKey(Instant deadline, String callIdKey) {
        return String.format("%019d|%s", deadline.toEpochMilli(), callIdKey);
    }

    /** The largest deadline key due at {@code now}. */
    static String lastDeadlineKeyDueAt(Instant now) {
        return String.format("%019d|\uffff", now.toEpochMilli());
    }
}
