package io.callstream.ingress.publish;

import java.time.Instant;
import java.util.UUID;

import io.callstream.ingress.request.CtiRequest;
import io.callstream.sites.rules.Decision;
import io.callstream.sites.SiteCatalog;
import io.callstream.schema.CtiEvent;
import io.callstream.schema.EdgeDecision;

/** Turns an accepted request and the edge's answer into the event we publish. */
public final class CtiEvents {

    private CtiEvents() {
    }

    /** @param site the site as the edge knows it: its rules normalise numbers with its country code */
    public static CtiEvent of(SiteCatalog.Entry site, CtiRequest request, Decision decision, Instant receivedAt) {
        return CtiEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSite(site.site().id())
                .setEvent(request.event())
                .setCallId(request.callId())
                .setDirection(request.direction())
                .setFrom(request.from())
                .setTo(request.to())
                .setFromNormalized(site.rules().normalize(request.from()))
                .setToNormalized(site.rules().normalize(request.to()))
                .setUsers(request.users())
                .setUserText(request.userText())
                .setQueue(request.queue())
                .setCause(request.cause())
                .setNormalizedCause(request.normalizedCause())
                .setAnsweringNumber(request.answeringNumber())
                .setExtraFields(request.extraFields())
                .setReceivedAt(receivedAt)
                .setDecision(edgeDecision(decision))
                .setDialCallerId(decision instanceof Decision.Dial dial ? dial.callerId() : null)
                .build();
    }

    private static EdgeDecision edgeDecision(Decision decision) {
        if (decision instanceof Decision.Reject) {
            return EdgeDecision.REJECT;
        }
        if (decision instanceof Decision.Dial) {
            return EdgeDecision.DIAL;
        }
        return EdgeDecision.NONE;
    }
}
