package io.callstream.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.callstream.kafka.local.SharedLocalKafka;
import org.junit.jupiter.api.Test;

/**
 * A site's record must fit the sites topic's {@code max.message.bytes} (1 MiB by default, as managed
 * Kafka services allow): a change that would make it larger is refused with 413 and a message
 * saying what to do, and the site stays as it was.
 */
class SiteRecordSizeIT {

    @Test
    void shouldRefuseABlockListLargerThanTheSitesTopicTakesAndKeepTheSiteAsItWas() {
        try (EdgeInstance edge = EdgeInstance.start(SharedLocalKafka.broker().bootstrapServers(),
                "callstream.ingress.sites-topic.max-record-size=64KB")) {
            String site = "size-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(edge.admin("POST", "", "{\"id\":\"" + site + "\"}")).startsWith("201 ");
            assertThat(edge.admin("PUT", "/" + site + "/block-list", blockList(100))).startsWith("200 ");

            String refused = edge.admin("PUT", "/" + site + "/block-list", blockList(5_000));

            assertThat(refused).startsWith("413 ").contains("callstream.ingress.sites-topic.max-record-size")
                    .contains("The site's record would be");
            assertThat(edge.admin("GET", "/" + site, null)).contains("\"block_list_size\":100");
        }
    }

    @Test
    void shouldAnswer413NotA5xxToABodyLargerThanTheAdminApiReads() {
        try (EdgeInstance edge = EdgeInstance.start(SharedLocalKafka.broker().bootstrapServers(),
                "spring.http.codecs.max-in-memory-size=16KB")) {
            String site = "body-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(edge.admin("POST", "", "{\"id\":\"" + site + "\"}")).startsWith("201 ");

            assertThat(edge.admin("PUT", "/" + site + "/block-list", blockList(1_000)))
                    .startsWith("413 ").contains("The body is larger than this API reads");
        }
    }

    private static String blockList(int entries) {
        return IntStream.range(0, entries)
                .mapToObj(i -> "{\"caller_id\":\"49301" + String.format("%05d", i) + "\",\"note\":\"spam caller number " + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
