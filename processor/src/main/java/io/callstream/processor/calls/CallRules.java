package io.callstream.processor.calls;

import java.time.Duration;

/**
 * How the processor groups and closes calls.
 *
 * @param openTimeout     a call without a hangup is closed ("timed out") this long after its last event
 * @param retention       an ended call is kept (queryable, correctable by late events) this long after its end
 * @param reuseGap        an answer or hangup this long after the previous call with its id ended starts a
 *                        new call; closer ones are late events of that call (a newCall after the end always
 *                        starts a new call)
 * @param idMemory        after its last call is forgotten, a call id's call count is kept this long (a
 *                        few bytes), so that its next call gets the next number and no record key is reused;
 *                        an id reused after longer starts again at 1
 * @param maxEventsPerCallId events kept per call id; more are ignored (a misbehaving PBX must not grow a
 *                        state without bound)
 */
public record CallRules(Duration openTimeout, Duration retention, Duration reuseGap, Duration idMemory,
        int maxEventsPerCallId) {

    public static CallRules defaults() {
        return new CallRules(Duration.ofHours(4), Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(90), 500);
    }
}
