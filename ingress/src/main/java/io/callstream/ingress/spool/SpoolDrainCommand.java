package io.callstream.ingress.spool;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import io.callstream.ingress.config.CtiProducerSettings;
import io.callstream.ingress.config.IngressProperties;
import io.callstream.ingress.eventstopic.EventsTopicSetup;
import io.callstream.schema.TopicNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar callstream-ingress-exec.jar drain-spool DIRECTORY}: sends the spool an edge left
 * behind (an instance that will not come back) to Kafka and exits: 0 once it is empty, 1 if Kafka
 * did not take it all within the patience, 2 for a wrong call. Kafka is reached with the edge's own
 * settings ({@code ingress.yml}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code --spring.kafka.*}). The
 * directory's lock keeps it from draining a spool an edge still uses.
 */
@SpringBootConfiguration
@EnableConfigurationProperties({KafkaProperties.class, IngressProperties.class})
public class SpoolDrainCommand {

    public static final String NAME = "drain-spool";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    /** @param args {@code drain-spool DIRECTORY [--spring.kafka.bootstrap-servers=...]} */
    public static int run(String[] args, PrintStream out) {
        if (args.length < 2 || args[1].startsWith("--") || !Files.isDirectory(Path.of(args[1]))) {
            out.println("usage: " + NAME + " SPOOL_DIRECTORY [--spring.kafka.bootstrap-servers=HOST:PORT]");
            return 2;
        }
        Path directory = Path.of(args[1]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SpoolDrainCommand.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("spring.config.name=ingress")
                .run(Arrays.copyOfRange(args, 2, args.length))) {
            KafkaProperties kafka = context.getBean(KafkaProperties.class);
            String topicName = new TopicNames(context.getEnvironment().getProperty("callstream.topic-prefix", "")).ctiEvents();
            try (Admin admin = Admin.create(kafka.buildAdminProperties());
                    EventSpool spool = EventSpool.open(directory, Long.MAX_VALUE, Clock.systemUTC());
                    SpoolDrainer drainer = new SpoolDrainer(spool, new KafkaProducer<>(
                            CtiProducerSettings.forSpool(kafka.buildProducerProperties()), new StringSerializer(),
                            new ByteArraySerializer()),
                            // The edge that left the spool may never have reached Kafka: made as that edge would have.
                            new EventsTopicSetup(admin, context.getBean(IngressProperties.class).eventsTopic()
                                    .definition(topicName)),
                            SEND_TIMEOUT, new SimpleMeterRegistry())) {
                long sent = drainer.drainOnce(PATIENCE);
                out.println("Sent " + sent + " events from " + directory + " to " + topicName + "; "
                        + spool.events() + " left");
                return spool.events() == 0 ? 0 : 1;
            } catch (SpoolInUseException inUse) {
                out.println(inUse.getMessage());
                return 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }
}
