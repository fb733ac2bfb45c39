package io.callstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.callstream.processor.config.ProcessorProperties;
import io.callstream.processor.topology.ProcessorTopologies;
import io.callstream.processor.topology.ProcessorTopology;
import io.callstream.processor.topology.StoreNames;
import io.callstream.schema.Topics;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The processor's whole application as the runtime builds it: every part wired in
 * {@link ProcessorTopologiesConfiguration}, added to one builder with the runtime's naming rule, so
 * a part that leaves a store, repartition topic or join unnamed fails here.
 */
class ProcessorApplicationTopologyTest {

    @Test
    void shouldBuildEveryPartIntoOneTopologyWithOnlyExplicitNames() {
        String described = describe(wiredParts());

        assertThat(described).doesNotContainPattern("KSTREAM-|KTABLE-|KSTORE-|-\\d{10}");
        assertThat(described).contains(StoreNames.CALL_HISTORY, StoreNames.CALL_DEADLINES, StoreNames.CALL_RECORDS,
                StoreNames.CALL_LOG, StoreNames.ACTIVE_CALLS, StoreNames.CONTACTS, StoreNames.SITES,
                StoreNames.STATS_CONTRIBUTIONS, StoreNames.STATS_QUARTERS, StoreNames.STATS_QUARTER_DETAILS,
                StoreNames.STATS_CHANGED);
        assertThat(described).contains(Topics.CTI_EVENTS, Topics.CALL_COMMANDS, Topics.CONTACTS, Topics.CALL_RECORDS,
                Topics.SITES, Topics.CALL_STATS, "stats-deltas");
    }

    @Test
    void shouldFeedTheStatisticsInTheCallRecordTaskInsteadOfReadingTheRecordsBack() {
        Topology topology = ProcessorTopologies.build(wiredParts(), settings());

        TopologyDescription.Subtopology callRecords = subtopologyWith(topology, "call-records");
        assertThat(callRecords.nodes()).extracting(TopologyDescription.Node::name)
                .contains("call-records-out", "stats-contributions");
        assertThat(topology.describe().subtopologies()).flatExtracting(TopologyDescription.Subtopology::nodes)
                .filteredOn(node -> node instanceof TopologyDescription.Source)
                .flatExtracting(node -> ((TopologyDescription.Source) node).topicSet())
                .doesNotContain(Topics.CALL_RECORDS);
    }

    @Test
    void shouldLeaveTheStatisticsOutWithOneSwitch() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("switch",
                Map.of(ProcessorTopologiesConfiguration.STATISTICS_SWITCH, "false")));

        String withoutStatistics = describe(wiredParts(environment));
        assertThat(withoutStatistics).contains(StoreNames.CALL_HISTORY, Topics.CALL_RECORDS);
        assertThat(withoutStatistics).doesNotContain("stats-", Topics.CALL_STATS);
        assertThat(describe(wiredParts())).contains(StoreNames.STATS_CONTRIBUTIONS, Topics.CALL_STATS);
    }

    private static String describe(List<ProcessorTopology> parts) {
        assertThat(parts).isNotEmpty();
        return ProcessorTopologies.build(parts, settings()).describe().toString();
    }

    private static Properties settings() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "processor-topology-test");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        settings.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return settings;
    }

    private static TopologyDescription.Subtopology subtopologyWith(Topology topology, String node) {
        return topology.describe().subtopologies().stream()
                .filter(subtopology -> subtopology.nodes().stream().anyMatch(each -> each.name().equals(node)))
                .findFirst().orElseThrow();
    }

    /** The parts as the application wires them, with the processor's default settings. */
    private static List<ProcessorTopology> wiredParts() {
        return wiredParts(new StandardEnvironment());
    }

    private static List<ProcessorTopology> wiredParts(StandardEnvironment environment) {
        ProcessorProperties defaults = Binder.get(environment)
                .bindOrCreate("callstream.processor", ProcessorProperties.class);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.setEnvironment(environment);
            context.registerBean(ProcessorProperties.class, () -> defaults);
            context.register(ProcessorTopologiesConfiguration.class);
            context.refresh();
            return context.getBeanProvider(ProcessorTopology.class).orderedStream().toList();
        }
    }
}
