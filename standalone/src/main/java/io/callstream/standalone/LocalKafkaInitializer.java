package io.callstream.standalone;

import java.util.Map;

import io.callstream.kafka.local.LocalKafkaBroker;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the applications at Kafka before any bean is created: at the cluster the user named, or at
 * a broker started here. Runs after logging is configured, so the broker logs at our levels.
 */
final class LocalKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Property with a human description of where Kafka is, for the start-up banner. */
    static final String KAFKA_DESCRIPTION = "callstream.standalone.kafka";

    private final LaunchSettings settings;

    LocalKafkaInitializer(LaunchSettings settings) {
        this.settings = settings;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (settings.externalBootstrapServers().isPresent()) {
            String servers = settings.externalBootstrapServers().get();
            use(context, servers, servers + " (external)");
            return;
        }
        LocalKafkaBroker broker = startBroker();
        // Registered before every other bean, hence destroyed after all of them: the Kafka clients
        // close while their broker is still there.
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("localKafkaBroker", broker);
        beans.registerDisposableBean("localKafkaBroker", broker::close);
        use(context, broker.bootstrapServers(),
                broker.bootstrapServers() + " (embedded, data in " + broker.dataDirectory() + ")");
    }

    private LocalKafkaBroker startBroker() {
        try {
            return LocalKafkaBroker.startPersistent(settings.dataDirectory().resolve("kafka"), settings.kafkaPort());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot start the embedded Kafka broker on 127.0.0.1:" + settings.kafkaPort()
                    + ". Is another Kafka running there? Set CALLSTREAM_KAFKA_PORT to use another port, or "
                    + "KAFKA_BOOTSTRAP_SERVERS to use an existing cluster.", e);
        }
    }

    private static void use(ConfigurableApplicationContext context, String bootstrapServers, String description) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("callstreamKafka", Map.of(
                "spring.kafka.bootstrap-servers", bootstrapServers,
                KAFKA_DESCRIPTION, description)));
    }
}
