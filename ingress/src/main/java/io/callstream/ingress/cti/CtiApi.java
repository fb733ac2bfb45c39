package io.callstream.ingress.cti;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The PBX endpoint's documents as the OpenAPI description shows them. The handler reads and writes
 * them by hand (any encoding in, exact bytes out: docs/pbx-contract.md), so these records only describe.
 */
final class CtiApi {

    private CtiApi() {
    }

    @Schema(name = "CtiEvent", description = "One call event, as a form, a JSON object, multipart form data or "
            + "query parameters. Names are case-sensitive; any other field is kept with the event (at most 50).")
    record Event(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"newCall", "answer", "hangup"})
            String event,
            @Schema(description = "Required on newCall.", allowableValues = {"in", "out"})
            String direction,
            @Schema(description = "The calling party: a number, 'anonymous', a queue name, ...")
            String from,
            @Schema(description = "The called party.")
            String to,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The call's key, up to 250 characters, no control characters; 'call_id' also works.")
            String callId,
            @Schema(name = "call_id", description = "Alias of callId, read when callId is absent.")
            String callIdAlias,
            @Schema(name = "user[]", description = "Agent names; also 'user' (one string, or repeated).")
            List<String> users,
            @Schema(description = "The queue's name.")
            String queue,
            @Schema(description = "Why the call ended (hangup) or was handed on: normalClearing, busy, cancel, "
                    + "noAnswer, congestion, notFound, forwarded, or a PBX's own cause such as NO_ANSWER.")
            String cause,
            @Schema(description = "Who picked up (answer).")
            String answeringNumber) {
    }

    @Schema(name = "CtiAnswer", description = "{} to carry on; {\"action\":\"reject\",\"reason\":\"busy\"} for a blocked "
            + "inbound caller; {\"action\":\"dial\",\"caller_id\":...,\"number\":...} to rewrite an outbound caller id.")
    record Answer(
            @Schema(allowableValues = {"reject", "dial"}) String action,
            @Schema(allowableValues = {"busy"}) String reason,
            @Schema(name = "caller_id") String callerId,
            @Schema(description = "The dialled number exactly as received in 'to'.") String number) {
    }

    @Schema(name = "CtiError", description = "Zammad's error shape: the first problem, and all of them when there are several.")
    record Error(String error, List<String> errors) {
    }
}
