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
        return padded(Long.MAX_VALUE - record.getInitializedAt().toEpochMilli()) + "|" + of(record);
    }

    static String deadlineKey(Instant deadline, String callIdKey) {
        return padded(deadline.toEpochMilli()) + "|" + callIdKey;
    }

    /** The largest deadline key due at {@code now}. */
    static String lastDeadlineKeyDueAt(Instant now) {
        return padded(now.toEpochMilli()) + "|\uffff";
    }

    /** 19 digits, so that keys sort like the numbers (String.format is a tenth of the processor's time). */
    private static String padded(long nonNegative) {
        String digits = Long.toString(nonNegative);
        return "0".repeat(19 - digits.length()) + digits;
    }
}
