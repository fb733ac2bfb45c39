package io.callstream.processor.topology;

/** The state stores of the processor's topologies; the query classes read them by these names. */
public final class StoreNames {

    /** Call id ({@code "{site}/{callId}"}) to its {@code CallHistory}. */
    public static final String CALL_HISTORY = "call-history";
    /** {@code "{deadline millis, 19 digits}|{site}/{callId}"} to the call id: when to look at it again. */
    public static final String CALL_DEADLINES = "call-deadlines";
    /** Record key ({@code "{site}/{callId}/{call}"}) to the current record of every call not yet forgotten. */
    public static final String CALL_RECORDS = "call-records";
    /** {@code "{Long.MAX_VALUE - initializedAt millis, 19 digits}|{record key}"} to the record key: the caller log, newest first. */
    public static final String CALL_LOG = "call-log";
    /** Record key to record key, for every call that has not ended. */
    public static final String ACTIVE_CALLS = "active-calls";
    /** Global: normalised number to {@code Contact}. */
    public static final String CONTACTS = "contacts";
    /** Global: site id to its {@code SiteConfig} (time zone, service-level threshold). */
    public static final String SITES = "sites";
    /**
     * Record key to the {@code StatsContribution} its latest version added to the statistics; partitioned by call
     * id, as the call-record stores are (the statistics take the records in the call-record task). An earlier
     * version kept them in {@code stats-contributions}, partitioned by record key.
     */
    public static final String STATS_CONTRIBUTIONS = "stats-contributions-by-call-id";
    /** {@code "{site}/{dimension}/{quarter start millis, 13 digits}"} to the quarter's {@code StatsCounts}. */
    public static final String STATS_QUARTERS = "stats-quarters";
    /** A quarter's key plus {@code /c/{epoch millis}} or {@code /w/{seconds}} (13 digits) to a count. */
    public static final String STATS_QUARTER_DETAILS = "stats-quarter-details";
    /** Quarter key to its site: quarters changed since their windows were last published. */
    public static final String STATS_CHANGED = "stats-changed";

    private StoreNames() {
    }
}
