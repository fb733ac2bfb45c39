package io.callstream.processor.stats;

import java.util.ArrayList;
import java.util.List;

import io.callstream.schema.internal.StatsDelta;
import io.callstream.schema.internal.StatsQuarterChange;

/**
 * One call version's changes to its site's quarters as one {@link StatsDelta}, and back. The first
 * change travels in the delta's own fields, where version 1 of the schema put its only one, so deltas
 * written before an upgrade still read as a single change; the others travel in {@code more}.
 */
final class StatsDeltas {

    private StatsDeltas() {
    }

    /** @param changes at least one */
    static StatsDelta of(List<StatsQuarterChange> changes) {
        StatsQuarterChange first = changes.get(0);
        return new StatsDelta(first.getDimension(), first.getQuarterStart(), first.getMinus(), first.getPlus(),
                List.copyOf(changes.subList(1, changes.size())));
    }

    static List<StatsQuarterChange> changes(StatsDelta delta) {
        List<StatsQuarterChange> changes = new ArrayList<>(1 + delta.getMore().size());
        changes.add(new StatsQuarterChange(delta.getDimension(), delta.getQuarterStart(), delta.getMinus(), delta.getPlus()));
        changes.addAll(delta.getMore());
        return changes;
    }
}
