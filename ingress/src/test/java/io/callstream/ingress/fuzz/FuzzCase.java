package io.callstream.ingress.fuzz;

/**
 * One request the fuzzer sends, as bytes on the wire, and what the checks need to know about it.
 *
 * @param request    the exact bytes, malformed ones included
 * @param kind       what sort of abuse it is, for failure messages
 * @param headMethod the request is a HEAD: its answer has no body
 * @param toSite     a POST to the checked site's CTI path: a 200 must have published exactly this event
 * @param callId     the call id the event carries if accepted, or {@code null} when the fuzzer mangled it
 * @param abandon    the client closes without reading the answer (sent to another site, not counted)
 */
record FuzzCase(byte[] request, String kind, boolean headMethod, boolean toSite, String callId, boolean abandon) {
}
