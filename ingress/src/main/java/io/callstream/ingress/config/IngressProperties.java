package io.callstream.ingress.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.callstream.sites.store.SiteConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the edge is configured with ({@code callstream.ingress.*}, also as environment
 * variables such as {@code CALLSTREAM_INGRESS_PUBLISH_TIMEOUT}).
 *
 * @param publishTimeout how long a request may wait until its event is stored, in Kafka or in the
 *                       spool, before it is answered 503
 * @param maxBodySize    largest request body accepted (413 above)
 * @param accessLog      write an access log line per request (tokens masked)
 * @param spool          where events wait while Kafka does not take them in time
 * @param eventsTopic    how the events topic is created if it does not exist
 * @param sitesTopic     how sites are replicated and changed
 * @param admin          the admin API
 * @param sites          sites to create at first start if the sites topic does not have them yet
 *                       (afterwards the topic is the truth)
 */
@ConfigurationProperties("callstream.ingress")
public record IngressProperties(
        @DefaultValue("2s") Duration publishTimeout,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("false") boolean accessLog,
        @DefaultValue Spool spool,
        @DefaultValue EventsTopic eventsTopic,
        @DefaultValue SitesTopic sitesTopic,
        @DefaultValue Admin admin,
        List<SiteProperties> sites) {

    public IngressProperties {
        if (publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("callstream.ingress.publish-timeout must be positive");
        }
        sites = sites == null ? List.of() : List.copyOf(sites);
        if (spool.handoverAfter() != null && spool.handoverAfter().compareTo(publishTimeout) >= 0) {
            throw new IllegalArgumentException("callstream.ingress.spool.handover-after must be shorter than"
                    + " callstream.ingress.publish-timeout: the spool needs the rest of it");
        }
    }

    /** How long an event waits for Kafka before it goes to the spool: half the publish timeout unless set. */
    public Duration handoverAfter() {
        return spool.handoverAfter() != null ? spool.handoverAfter() : publishTimeout.dividedBy(2);
    }

    /**
     * @param directory     the spool's directory, one per edge instance (relative to the working directory)
     * @param maxSize       the most the spool holds; beyond it events Kafka does not take are answered 503
     * @param handoverAfter how long an event waits for Kafka's acknowledgement before it goes to the
     *                      spool; empty for half the publish timeout
     */
    public record Spool(@DefaultValue("callstream-spool") Path directory, @DefaultValue("1GB") DataSize maxSize,
            Duration handoverAfter) {
    }

    /**
     * @param partitions        partitions of the events topic: the processor's unit of scale-out
     * @param replicationFactor replicas; empty for the broker's {@code default.replication.factor}
     */
    public record EventsTopic(@DefaultValue("6") int partitions, Short replicationFactor) {

        /** The topic as the edge creates it when it is missing. */
        public NewTopic definition(String name) {
            return new NewTopic(name, Optional.of(partitions), Optional.ofNullable(replicationFactor));
        }
    }

    /**
     * @param replicationFactor replicas of the sites topic; empty for the broker's default
     * @param writerId          the transactional id all edge instances share for site changes: the
     *                          writer lease (one per deployment and cluster)
     * @param pollInterval      how often each instance looks for site changes
     * @param writeTimeout      how long one step of a site change may take before the admin API answers 503
     * @param maxRecordSize     the largest site record (the topic's {@code max.message.bytes} when the edge
     *                          creates it): 1 MiB, as managed Kafka services allow; a site that would be larger
     *                          is refused with 413 (about 29,000 block entries with short notes fit)
     */
    public record SitesTopic(Short replicationFactor, @DefaultValue("callstream-sites-writer") String writerId,
            @DefaultValue("100ms") Duration pollInterval, @DefaultValue("5s") Duration writeTimeout,
            @DefaultValue("1MB") DataSize maxRecordSize) {
    }

    /** @param token the admin API's bearer token; empty disables the admin API */
    public record Admin(String token) {
    }

    /**
     * @param id          stable site id (letters, digits, {@code . _ -})
     * @param displayName human name; defaults to the id
     * @param token       the secret in the PBX's URL
     * @param enabled     disabled sites get Zammad's "Feature is disabled" (422)
     * @param countryCode country code for national numbers in the site's rules, for example {@code 49}
     * @param timeZone    IANA time zone of the site (where its days begin for statistics); UTC if empty
     * @param serviceLevelThresholdSeconds answered within this many seconds counts as within the service level
     * @param abandonedShortSeconds a missed call shorter than this counts as abandoned at once in the statistics
     * @param rules       block list and outbound caller-id routing
     */
    public record SiteProperties(String id, String displayName, String token, @DefaultValue("true") boolean enabled,
            String countryCode, @DefaultValue(SiteConfigs.DEFAULT_TIME_ZONE) String timeZone,
            @DefaultValue("" + SiteConfigs.DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS) int serviceLevelThresholdSeconds,
            @DefaultValue("" + SiteConfigs.DEFAULT_ABANDONED_SHORT_SECONDS) int abandonedShortSeconds,
            @DefaultValue Rules rules) {
    }

    /**
     * @param blockList       inbound callers answered with reject/busy
     * @param routing         outbound caller-id rows, first match wins
     * @param defaultCallerId caller id for outbound calls no row matches
     */
    public record Rules(List<BlockEntry> blockList, List<Route> routing, String defaultCallerId) {

        public Rules {
            blockList = blockList == null ? List.of() : List.copyOf(blockList);
            routing = routing == null ? List.of() : List.copyOf(routing);
        }
    }

    public record BlockEntry(String callerId, String note) {
    }

    public record Route(String dest, String callerId, String note) {
    }
}
