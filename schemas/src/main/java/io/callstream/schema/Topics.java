package io.callstream.schema;

/**
 * Every Kafka topic of callstream, by name. This class and the Avro schemas are the contract with
 * the teams that consume our topics: no other code names a topic. A deployment on a shared cluster
 * may put a prefix before every name ({@link TopicNames}).
 *
 * <p>Values are Avro records in Avro's <em>single-object encoding</em> (two marker bytes
 * {@code C3 01}, the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema, then the
 * binary datum); see {@link AvroSerde}. Keys are UTF-8 strings.
 */
public final class Topics {

    /**
     * CTI events as the edge accepted them, one record per accepted request, published before the
     * PBX got its 200.
     * <ul>
     *   <li>key: {@link CallKey} text {@code "{site}/{callId}"}, so all events of one call share a
     *       partition and keep the order in which the edge received them;</li>
     *   <li>value: {@link CtiEvent};</li>
     *   <li>producer: the edge ({@code ingress}); consumers: the processor, analytics;</li>
     *   <li>cleanup: delete (retention is the operator's choice; the default is 7 days).</li>
     * </ul>
     */
    public static final String CTI_EVENTS = "callstream.cti-events.v1";

    /**
     * Every site with its token digest and rules: the truth that every edge instance replicates
     * into memory at start-up and follows afterwards.
     * <ul>
     *   <li>key: the site id (UTF-8 string);</li>
     *   <li>value: {@link SiteConfig};</li>
     *   <li>producer: the edge's admin API (one writer at a time, transactional); consumers: every
     *       edge instance (read_committed, from the beginning);</li>
     *   <li>cleanup: compact; one partition, so one order for all sites.</li>
     * </ul>
     */
    public static final String SITES = "callstream.sites.v1";

    /**
     * Call records: every call, joined from its events, republished on every change.
     * <ul>
     *   <li>key: {@code "{site}/{callId}/{call}"}, {@code call} numbering the calls that used one call id;</li>
     *   <li>value: {@link CallRecord};</li>
     *   <li>producer: the processor (exactly once); consumers: analytics, dashboards;</li>
     *   <li>cleanup: compact: the latest record of a key is the call.</li>
     * </ul>
     */
    public static final String CALL_RECORDS = "callstream.call-records.v1";

    /**
     * Call statistics: per site, queue and agent, per quarter hour, local hour and local day of the
     * site's time zone, republished whenever a call in the window changes.
     * <ul>
     *   <li>key: {@code "{site}/{dimension}/{interval}/{window start}"}: dimension {@code site},
     *       {@code queue/<queue>} or {@code agent/<agent>} (the name URL-encoded), interval {@code 15m},
     *       {@code 1h} or {@code 1d}, the start as ISO-8601 ({@code 2026-12-01T09:00:00Z});</li>
     *   <li>value: {@link CallStats};</li>
     *   <li>producer: the processor (exactly once); consumers: analytics, dashboards;</li>
     *   <li>cleanup: compact: the latest record of a key is the window.</li>
     * </ul>
     */
    public static final String CALL_STATS = "callstream.call-stats.v1";

    /**
     * User decisions about calls (marking a missed call done), applied in order with the events.
     * <ul>
     *   <li>key: {@link CallKey} text {@code "{site}/{callId}"}; the topic has as many partitions as
     *       {@link #CTI_EVENTS}, so a call's commands and events meet in one task;</li>
     *   <li>value: {@link CallCommand};</li>
     *   <li>producer: the processor's API; consumer: the processor;</li>
     *   <li>cleanup: delete.</li>
     * </ul>
     */
    public static final String CALL_COMMANDS = "callstream.call-commands.v1";

    /**
     * Who is behind a number, for caller identification.
     * <ul>
     *   <li>key: the number normalised with {@link PhoneNumbers} (international, no {@code +} or {@code 00});</li>
     *   <li>value: {@link Contact}; a tombstone removes it;</li>
     *   <li>producers: the processor's contacts API and CSV import, or any CRM sync; consumer: the processor;</li>
     *   <li>cleanup: compact.</li>
     * </ul>
     */
    public static final String CONTACTS = "callstream.contacts.v1";

    /**
     * Records the processor could not read or process, as they were, so processing carries on.
     * <ul>
     *   <li>key and value: the original bytes;</li>
     *   <li>headers: {@code callstream.dlq.topic}, {@code .partition}, {@code .offset},
     *       {@code .exception}, {@code .message}, {@code .processor};</li>
     *   <li>producer: the processor's exception handlers; consumers: operators;</li>
     *   <li>cleanup: delete.</li>
     * </ul>
     */
    public static final String DEAD_LETTERS = "callstream.dead-letters.v1";

    private Topics() {
    }
}
