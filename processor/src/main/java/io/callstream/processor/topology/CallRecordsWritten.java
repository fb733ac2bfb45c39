package io.callstream.processor.topology;

import io.callstream.schema.CallRecord;

/** Told of every call record the processor writes (each version of a call), for metrics. */
@FunctionalInterface
public interface CallRecordsWritten {

    CallRecordsWritten NONE = record -> {
    };

    void written(CallRecord record);
}
