package io.callstream.processor.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.callstream.processor.topology.StoreNames;
import io.callstream.schema.CallKey;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Answers queries the same on every instance: a call is read where its call id lives (asking that
 * instance if it is another one); lists are gathered from every instance and merged.
 */
public final class CallQueries {

    static final String LOG_PATH = "/api/v1/cti/log";
    static final String ACTIVE_PATH = "/api/v1/calls/active";
    static final String CALL_PATH = "/api/v1/calls/";

    private final LocalCallStores local;
    private final PeerClient peers;
    private final Supplier<String> self;
    private final Scheduler storeReads;

    /**
     * @param self       this instance's {@code host:port} as registered in Kafka Streams
     * @param storeReads where store reads run (RocksDB reads block)
     */
    public CallQueries(LocalCallStores local, PeerClient peers, Supplier<String> self, Scheduler storeReads) {
        this.local = local;
        this.peers = peers;
        this.self = self;
        this.storeReads = storeReads;
    }

    public Mono<List<CallView>> log(CallLogFilter filter, boolean localOnly, String authorization) {
        if (localOnly) {
            return read(() -> local.log(filter));
        }
        return gather(instance -> peers.calls(instance, LOG_PATH, filter.toQuery(), authorization),
                () -> local.log(filter))
                .map(all -> all.subList(0, Math.min(filter.limit(), all.size())));
    }

    public Mono<List<CallView>> active(boolean localOnly, String authorization) {
        if (localOnly) {
            return read(local::active);
        }
        return gather(instance -> peers.calls(instance, ACTIVE_PATH, "", authorization), local::active);
    }

    /** The calls that used a call id, from the instance that owns it. */
    public Mono<List<CallView>> calls(CallKey key, boolean localOnly, String authorization) {
        if (localOnly) {
            return read(() -> local.calls(key.toString()));
        }
        KeyQueryMetadata owner = local.running().queryMetadataForKey(StoreNames.CALL_HISTORY, key.toString(),
                new StringSerializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return Mono.error(new NotQueryableHereException("no instance owns " + key + " right now", null));
        }
        if (isSelf(owner.activeHost())) {
            return read(() -> local.calls(key.toString()));
        }
        return peers.calls(owner.activeHost(), CALL_PATH + encode(key.site()) + "/" + encode(key.callId()), "",
                authorization);
    }

    private Mono<List<CallView>> gather(java.util.function.Function<HostInfo, Mono<List<CallView>>> remote,
            java.util.concurrent.Callable<List<CallView>> here) {
        List<HostInfo> instances = local.running().metadataForAllStreamsClients().stream()
                .filter(instance -> instance.stateStoreNames().contains(StoreNames.CALL_LOG))
                .map(StreamsMetadata::hostInfo)
                .distinct()
                .toList();
        return Flux.fromIterable(instances)
                .flatMap(instance -> isSelf(instance) ? read(here) : remote.apply(instance))
                .collectList()
                .map(parts -> {
                    List<CallView> merged = new ArrayList<>();
                    parts.forEach(merged::addAll);
                    merged.sort(CallView.NEWEST_FIRST);
                    return merged;
                });
    }

    private <T> Mono<T> read(java.util.concurrent.Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(storeReads);
    }

    private boolean isSelf(HostInfo instance) {
        return (instance.host() + ":" + instance.port()).equals(self.get());
    }

    private static String encode(String segment) {
        return org.springframework.web.util.UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
    }
}
