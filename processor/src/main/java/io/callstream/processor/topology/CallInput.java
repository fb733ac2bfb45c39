package io.callstream.processor.topology;

import io.callstream.schema.CallCommand;
import io.callstream.schema.CtiEvent;

/** What the call-record processor applies, in order per call id: PBX events and users' commands. */
sealed interface CallInput {

    record Event(CtiEvent event) implements CallInput {
    }

    record Command(CallCommand command) implements CallInput {
    }
}
