package io.callstream.standalone;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher reads from the environment before anything starts.
 *
 * @param externalBootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS}: use this cluster and start no broker
 * @param dataDirectory            {@code CALLSTREAM_DATA_DIR} (default {@code ./data}): broker data and the default site's token
 * @param kafkaPort                {@code CALLSTREAM_KAFKA_PORT} (default 9092): port of the embedded broker, 0 for any free one
 * @param defaultSiteToken         {@code CALLSTREAM_DEFAULT_TOKEN}: the default site's token at its creation; generated once and kept in the data directory if absent
 * @param adminToken               {@code CALLSTREAM_ADMIN_TOKEN}: the admin API's token; generated once and kept in the data directory if absent
 */
public record LaunchSettings(Optional<String> externalBootstrapServers, Path dataDirectory, int kafkaPort,
        Optional<String> defaultSiteToken, Optional<String> adminToken) {

    public static LaunchSettings fromEnvironment(Map<String, String> environment) {
        return new LaunchSettings(
                nonBlank(environment.get("KAFKA_BOOTSTRAP_SERVERS")),
                Path.of(nonBlank(environment.get("CALLSTREAM_DATA_DIR")).orElse("data")),
                Integer.parseInt(nonBlank(environment.get("CALLSTREAM_KAFKA_PORT")).orElse("9092")),
                nonBlank(environment.get("CALLSTREAM_DEFAULT_TOKEN")),
                nonBlank(environment.get("CALLSTREAM_ADMIN_TOKEN")));
    }

    /** Where clients find Kafka when no broker address was given: the embedded broker's port on loopback. */
    public String bootstrapServersForClients() {
        return externalBootstrapServers.orElse("127.0.0.1:" + kafkaPort);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
