package io.callstream.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of a server taken while it answered a known number of requests and prints the
 * heap it allocated per request: every thread's allocation over the recording, from the
 * {@code jdk.ThreadAllocationStatistics} events JFR writes at the start and the end of a recording
 * (exact counts, unlike the sampled allocation events). A thread that starts or ends during the
 * recording is not counted, so record a server that is warmed up.
 *
 * <pre>
 * jcmd PID JFR.start name=bench filename=run.jfr; ...load...; jcmd PID JFR.stop name=bench
 * java -cp benchmarks/target/benchmarks.jar io.callstream.benchmarks.AllocationPerRequest run.jfr REQUESTS [label]
 * </pre>
 */
public final class AllocationPerRequest {

    private AllocationPerRequest() {
    }

    public static void main(String[] args) throws IOException {
        Path recording = Path.of(args[0]);
        long requests = Long.parseLong(args[1]);
        String label = args.length > 2 ? args[2] : "per request";
        Map<Long, long[]> firstAndLastByThread = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ThreadAllocationStatistics")) {
                long allocated = event.getLong("allocated");
                firstAndLastByThread.merge(event.getThread("thread").getJavaThreadId(), new long[] {allocated, allocated},
                        (seen, next) -> new long[] {Math.min(seen[0], next[0]), Math.max(seen[1], next[1])});
            }
        }
        long allocated = firstAndLastByThread.values().stream().mapToLong(range -> range[1] - range[0]).sum();
        System.out.printf("== heap allocated %s: %.1f KiB (%d MiB over %d requests)%n", label,
                allocated / 1024.0 / requests, allocated >> 20, requests);
    }
}
