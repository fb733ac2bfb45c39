package io.callstream.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Measured durations in milliseconds, sorted once: nearest-rank percentiles and the maximum. */
final class Latencies {

    private final List<Double> sortedMillis;

    private Latencies(List<Double> sortedMillis) {
        this.sortedMillis = sortedMillis;
    }

    static Latencies ofNanos(Collection<Long> nanos) {
        return of(nanos, 1e6);
    }

    static Latencies ofMicros(Collection<Long> micros) {
        return of(micros, 1e3);
    }

    private static Latencies of(Collection<Long> durations, double perMillisecond) {
        List<Double> millis = new ArrayList<>(durations.size());
        for (long duration : durations) {
            millis.add(duration / perMillisecond);
        }
        Collections.sort(millis);
        return new Latencies(millis);
    }

    int count() {
        return sortedMillis.size();
    }

    /** The smallest duration that {@code percentile} (0 to 1) of all are at most. */
    double at(double percentile) {
        int rank = (int) Math.ceil(percentile * sortedMillis.size()) - 1;
        return sortedMillis.get(Math.max(0, Math.min(sortedMillis.size() - 1, rank)));
    }

    double max() {
        return sortedMillis.get(sortedMillis.size() - 1);
    }
}
