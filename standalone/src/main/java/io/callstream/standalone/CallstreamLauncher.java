package io.callstream.standalone;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import io.callstream.schema.TopicNames;
import io.callstream.sites.store.SiteStore;
import io.callstream.processor.config.ProcessorStreams;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar callstream.jar}: starts a real Kafka broker in this process (unless
 * {@code KAFKA_BOOTSTRAP_SERVERS} names a cluster), then the edge and the processor on port 3000.
 * {@code java -jar callstream.jar events [--follow]} prints the events topic instead.
 */
public final class CallstreamLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private CallstreamLauncher() {
    }

    public static void main(String[] args) {
        LaunchSettings settings = LaunchSettings.fromEnvironment(System.getenv());
        if (args.length > 0 && args[0].equals("events")) {
            System.exit(EventsCommand.run(settings.bootstrapServersForClients(),
                    new TopicNames(System.getenv().getOrDefault("CALLSTREAM_TOPIC_PREFIX", "")).ctiEvents(),
                    Arrays.asList(args).contains("--follow"), System.out));
        }
        try {
            ConfigurableApplicationContext context = start(settings, args);
            BoundedShutdown.install(context::close);
        } catch (DataDirectoryLock.DataDirectoryInUseException inUse) {
            System.err.println(inUse.getMessage());
            System.exit(2);
        }
    }

    /**
     * Starts everything and returns once PBX requests are answered from the sites topic; closing the
     * returned context stops the applications, then the broker, then lets go of the data directory.
     *
     * @throws DataDirectoryLock.DataDirectoryInUseException when another launcher uses the data directory
     */
    public static ConfigurableApplicationContext start(LaunchSettings settings, String... args) {
        DataDirectoryLock lock = DataDirectoryLock.acquire(settings.dataDirectory());
        try {
            String siteToken = settings.defaultSiteToken()
                    .orElseGet(() -> PersistedToken.loadOrCreate(settings.dataDirectory(), PersistedToken.DEFAULT_SITE));
            String adminToken = settings.adminToken()
                    .orElseGet(() -> PersistedToken.loadOrCreate(settings.dataDirectory(), PersistedToken.ADMIN));
            long started = System.nanoTime();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(StandaloneApplication.class)
                    .properties(Map.of(
                            "callstream.default-site.token", siteToken,
                            "callstream.default-admin.token", adminToken,
                            "callstream.standalone.data-directory", settings.dataDirectory().toAbsolutePath().toString()))
                    // The lock first: released last, after the broker it protects has stopped.
                    .initializers(starting -> releaseOnClose(starting, lock), new ReadinessGroup(),
                            new LocalKafkaInitializer(settings))
                    .run(args);
            awaitSites(context);
            new ReadyBanner(siteToken, adminToken, Duration.ofNanos(System.nanoTime() - started), System.out).print(context);
            return context;
        } catch (RuntimeException failed) {
            lock.close();
            throw failed;
        }
    }

    /** Singletons are destroyed in reverse order of registration: this one after the broker. */
    private static void releaseOnClose(ConfigurableApplicationContext context, DataDirectoryLock lock) {
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("dataDirectoryLock", lock::close);
    }

    /** Until PBX requests are answered from the sites topic and the call records are being made. */
    private static void awaitSites(ConfigurableApplicationContext context) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try {
            if (!context.getBean(SiteStore.class).awaitReady(READY_TIMEOUT)) {
                throw new IllegalStateException("The sites were not loaded from Kafka within " + READY_TIMEOUT);
            }
            ProcessorStreams processor = context.getBeanProvider(ProcessorStreams.class).getIfAvailable();
            while (processor != null && !processor.streams().map(KafkaStreams::state).equals(Optional.of(State.RUNNING))) {
                Optional<State> state = processor.streams().map(KafkaStreams::state);
                if (state.filter(State::hasCompletedShutdown).isPresent()) {
                    throw new IllegalStateException("The call-record processor stopped while starting: Kafka Streams is "
                            + state.get() + " (its error is logged above)");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The call-record processor did not start within " + READY_TIMEOUT
                            + ": Kafka Streams is " + state.map(String::valueOf).orElse("not created yet (waiting for its topics)"));
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }
}
