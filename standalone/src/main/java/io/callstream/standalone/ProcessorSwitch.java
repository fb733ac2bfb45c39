package io.callstream.standalone;

/**
 * The launcher's one switch for an edge-only laptop: {@code callstream.standalone.processor=false}
 * (or {@code CALLSTREAM_STANDALONE_PROCESSOR=false}). {@code application.yml} turns it into the
 * processor's own {@code callstream.processor.enabled}; {@link ReadinessGroup} leaves the processor
 * out of readiness.
 */
final class ProcessorSwitch {

    static final String PROPERTY = "callstream.standalone.processor";

    private ProcessorSwitch() {
    }
}
