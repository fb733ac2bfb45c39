package io.callstream.sites.rules;

/** What the edge tells the PBX to do with a call. */
public sealed interface Decision {

    /** Nothing to do: the PBX gets {@code {}}. */
    record NoAction() implements Decision {
    }

    /** The caller is blocked: the PBX rejects the call as busy. */
    record Reject() implements Decision {
    }

    /**
     * Place the outbound call with this caller id.
     *
     * @param callerId the caller id to present
     * @param number   the destination exactly as the PBX sent it
     */
    record Dial(String callerId, String number) implements Decision {
    }

    Decision NO_ACTION = new NoAction();
    Decision REJECT = new Reject();
}
