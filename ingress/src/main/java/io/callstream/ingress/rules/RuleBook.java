package io.callstream.ingress.rules;

import io.callstream.ingress.request.CtiRequest;

/**
 * Where the edge gets its answer to a CTI event. Implementations keep every rule in memory: the
 * answer is on the PBX's call-setup path and must take microseconds, with no I/O.
 */
public interface RuleBook {

    /** The decision for an accepted request of a known site; {@link Decision#NO_ACTION} if the site has no rules. */
    Decision decide(String siteId, CtiRequest request);
}
