package io.callstream.processor.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import io.callstream.processor.errors.DeadLetters;
import io.callstream.processor.metrics.StreamsMeters;
import io.callstream.schema.TopicNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.callstream.processor.topology.ProcessorTopologies;
import io.callstream.processor.topology.ProcessorTopology;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * Runs every {@link ProcessorTopology} as one Kafka Streams application. Starts after the web server,
 * because Kafka Streams must be told this instance's query address, port included; makes sure the
 * topics exist first (waiting for Kafka if need be, off the start-up thread); replaces a stream
 * thread that died.
 */
public final class ProcessorStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorStreams.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final List<ProcessorTopology> topologies;
    private final ProcessorProperties properties;
    private final Supplier<Map<String, Object>> springStreamsSettings;
    private final Map<String, Object> producerSettings;
    private final Map<String, Object> adminSettings;
    private final Environment environment;
    private final TopicNames topicNames;
    private final MeterRegistry registry;
    private final StreamsMeters meters;
    private volatile KafkaStreams streams;
    private volatile DeadLetters deadLetters;
    private volatile boolean running;
    private Thread starter;

    /**
     * @param topologies    the parts of the application, all run under {@code callstream.processor.application-id}
     * @param adminSettings for the admin client that creates the topics at start-up (and is closed then)
     */
    public ProcessorStreams(List<ProcessorTopology> topologies, ProcessorProperties properties,
            Supplier<Map<String, Object>> springStreamsSettings, Map<String, Object> producerSettings,
            Map<String, Object> adminSettings, Environment environment, TopicNames topicNames, MeterRegistry registry) {
        this.topologies = List.copyOf(topologies);
        this.topicNames = topicNames;
        this.registry = registry;
        this.meters = new StreamsMeters(registry);
        this.properties = properties;
        this.springStreamsSettings = springStreamsSettings;
        this.producerSettings = producerSettings;
        this.adminSettings = adminSettings;
        this.environment = environment;
    }

    /** The running Kafka Streams client, once it was created. */
    public Optional<KafkaStreams> streams() {
        return Optional.ofNullable(streams);
    }

    /** {@code host:port} of this instance's query API, as the other instances know it. */
    public String applicationServer() {
        return properties.advertisedHost() + ":" + environment.getProperty("local.server.port", "3001");
    }

    @Override
    public void start() {
        running = true;
        Admin admin = Admin.create(adminSettings);
        starter = new Thread(() -> startWhenTopicsExist(admin), "processor-starter");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public void stop() {
        running = false;
        starter.interrupt();
        try {
            starter.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        KafkaStreams current = streams;
        if (current != null) {
            // Leave the group: a restarted instance then gets its tasks at once instead of after the
            // old member's session timed out (45 s by default).
            current.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
        }
        meters.close();
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server starts (its port is known), before it stops. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    private void startWhenTopicsExist(Admin admin) {
        try {
            ensureTopics(new ProcessorTopics(admin, topicNames, properties));
        } finally {
            // Only start-up needs it. Not waiting: a call still pending means the application is stopping.
            admin.close(Duration.ZERO);
        }
        synchronized (this) {
            if (!running) {
                return;
            }
            deadLetters = new DeadLetters(producerSettings, topicNames.deadLetters(), registry, "streams");
            Properties settings = new Properties();
            settings.putAll(ProcessorStreamsSettings.of(springStreamsSettings.get(), properties, applicationServer(),
                    deadLetters));
            KafkaStreams created = new KafkaStreams(ProcessorTopologies.build(topologies, settings), settings);
            created.setStateListener((now, before) -> log.info("Processor: Kafka Streams {} -> {}", before, now));
            created.setUncaughtExceptionHandler(failure -> {
                log.error("A stream thread failed; replacing it", failure);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            meters.bind(created);
            // Known before start(): should it fail, health and the launcher see the application's ERROR state.
            streams = created;
            created.start();
            log.info("Processor: Kafka Streams application {} started with {}, queries at {}",
                    properties.applicationId(), topologies.stream().map(part -> part.getClass().getSimpleName()).toList(),
                    applicationServer());
        }
    }

    /** Waits for Kafka if need be; returns early when the application stops. */
    private void ensureTopics(ProcessorTopics topics) {
        while (running) {
            try {
                topics.ensure();
                return;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.warn("Waiting for Kafka to create the processor's topics: {}", e.toString());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
