package io.callstream.standalone;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar callstream.jar}: starts a real Kafka broker in this process (unless
 * {@code KAFKA_BOOTSTRAP_SERVERS} names a cluster), then the edge and the processor on port 3000.
 * {@code java -jar callstream.jar events [--follow]} prints the events topic instead.
 */
public final class CallstreamLauncher {

    private CallstreamLauncher() {
    }

    public static void main(String[] args) {
        LaunchSettings settings = LaunchSettings.fromEnvironment(System.getenv());
        if (args.length > 0 && args[0].equals("events")) {
            System.exit(EventsCommand.run(settings.bootstrapServersForClients(),
                    Arrays.asList(args).contains("--follow"), System.out));
        }
        start(settings, args);
    }

    /** Starts everything; closing the returned context stops the applications, then the broker. */
    public static ConfigurableApplicationContext start(LaunchSettings settings, String... args) {
        String token = settings.defaultSiteToken()
                .orElseGet(() -> DefaultSiteToken.loadOrCreate(settings.dataDirectory()));
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .properties(Map.of("callstream.default-site.token", token))
                .initializers(new LocalKafkaInitializer(settings))
                .listeners(new ReadyBanner(token, System.out))
                .run(args);
    }
}
