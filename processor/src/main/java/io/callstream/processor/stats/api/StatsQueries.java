package io.callstream.processor.stats.api;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.callstream.processor.query.CallQueries;
import io.callstream.processor.query.CallView;
import io.callstream.processor.query.NotQueryableHereException;
import io.callstream.processor.query.PeerClient;
import io.callstream.processor.query.QueryableStreams;
import io.callstream.processor.stats.StatsInterval;
import io.callstream.processor.topology.StoreNames;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Answers statistics the same on every instance: all of a site's quarters live in one partition,
 * so the instance that owns it is asked (this one, or another over HTTP).
 */
public final class StatsQueries {

    static final String STATS_PATH = "/api/v1/stats";

    private final LocalStats local;
    private final Supplier<Optional<KafkaStreams>> streams;
    private final PeerClient peers;
    private final Supplier<String> self;
    private final CallQueries calls;
    private final Scheduler storeReads;
    private final Clock clock;

    public StatsQueries(LocalStats local, Supplier<Optional<KafkaStreams>> streams, PeerClient peers, Supplier<String> self,
            CallQueries calls, Scheduler storeReads, Clock clock) {
        this.local = local;
        this.streams = streams;
        this.peers = peers;
        this.self = self;
        this.calls = calls;
        this.storeReads = storeReads;
        this.clock = clock;
    }

    public Mono<StatsSeriesView> series(StatsRequest request, boolean localOnly, String authorization) {
        KeyQueryMetadata owner = owner(request.site());
        String host = owner.activeHost().host() + ":" + owner.activeHost().port();
        if (localOnly || host.equals(self.get())) {
            return Mono.fromCallable(() -> local.series(request, owner.partition(), clock.instant())).subscribeOn(storeReads);
        }
        return peers.document(owner.activeHost(), STATS_PATH, request.toQuery(), authorization, StatsSeriesView.class);
    }

    /** Every site the statistics know: the sites topic is a global table, so any instance answers alone. */
    public Mono<List<StatsSiteView>> sites() {
        return Mono.fromCallable(local::sites).subscribeOn(storeReads);
    }

    /** Today so far in the site's time zone, and the site's calls ringing and talking now. */
    public Mono<StatsTodayView> today(String site, String authorization) {
        StatsRequest today = new StatsRequest(site, StatsInterval.DAY, null, null, null, null, null);
        return series(today, false, authorization)
                .zipWith(calls.active(false, authorization))
                .map(both -> StatsTodayView.of(both.getT1(), active(both.getT2(), site)));
    }

    private static StatsTodayView.ActiveNow active(List<CallView> active, String site) {
        long ringing = active.stream().filter(call -> site.equals(call.site()) && "newCall".equals(call.state())).count();
        long talking = active.stream().filter(call -> site.equals(call.site()) && "answer".equals(call.state())).count();
        return new StatsTodayView.ActiveNow(ringing, talking);
    }

    private KeyQueryMetadata owner(String site) {
        KafkaStreams running = QueryableStreams.running(streams.get());
        KeyQueryMetadata owner = running.queryMetadataForKey(StoreNames.STATS_QUARTERS, site, new StringSerializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new NotQueryableHereException("no instance holds the statistics of " + site + " right now", null);
        }
        return owner;
    }
}
