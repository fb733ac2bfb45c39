package io.callstream.processor.config;

import java.nio.file.Path;
import java.time.Duration;

import io.callstream.processor.calls.CallRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the processor is configured with ({@code callstream.processor.*}).
 *
 * @param applicationId        Kafka Streams application id: instances with the same id share the work
 * @param stateDirectory       where the stores live on disk
 * @param advertisedHost       host name other instances use to reach this one's HTTP API
 * @param groupInstanceId      static group membership: an id unique to this instance that survives its
 *                             restarts (a pod name, say); a restarted instance then takes its tasks back
 *                             at once instead of after the session timeout. Empty for dynamic membership
 * @param streamThreads        stream threads of this instance
 * @param apiToken             bearer token of the query API; empty refuses every query
 * @param eventsTopicPartitions partitions of the events topic if the processor has to create it
 * @param replicationFactor    replicas of the topics it creates and of internal topics; empty for the broker default
 * @param openTimeout          a call without hangup is closed this long after its last event
 * @param retention            ended calls stay queryable this long
 * @param reuseGap             an answer or hangup this long after its call ended starts a new call
 * @param idMemory             a call id's call count is kept this long after its last call was forgotten
 * @param punctuationInterval  how often timeouts and retention are checked; they take effect up to two
 *                             intervals after they are due (deadlines are kept to a whole interval)
 * @param contactsImportMaxSize largest contacts CSV file accepted (413 above)
 * @param statsRetention       how long a statistics window keeps counting changes of its calls; older
 *                             windows leave the stores (their figures stay on the statistics topic)
 * @param rocksdbMemory        off-heap memory of all the instance's RocksDB stores together: one block
 *                             cache, index and filter blocks and write buffers included
 */
@ConfigurationProperties("callstream.processor")
public record ProcessorProperties(
        @DefaultValue("callstream-processor") String applicationId,
        Path stateDirectory,
        @DefaultValue("localhost") String advertisedHost,
        String groupInstanceId,
        @DefaultValue("1") int streamThreads,
        String apiToken,
        @DefaultValue("6") int eventsTopicPartitions,
        Short replicationFactor,
        @DefaultValue("4h") Duration openTimeout,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration reuseGap,
        @DefaultValue("90d") Duration idMemory,
        @DefaultValue("30s") Duration punctuationInterval,
        @DefaultValue("64MB") DataSize contactsImportMaxSize,
        @DefaultValue("35d") Duration statsRetention,
        @DefaultValue("256MB") DataSize rocksdbMemory) {

    public ProcessorProperties {
        if (stateDirectory == null) {
            stateDirectory = Path.of(System.getProperty("java.io.tmpdir"), "callstream-streams");
        }
    }

    public CallRules callRules() {
        return new CallRules(openTimeout, retention, reuseGap, idMemory, CallRules.defaults().maxEventsPerCallId());
    }
}
