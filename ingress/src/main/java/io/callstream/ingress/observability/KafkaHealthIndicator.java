package io.callstream.ingress.observability;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Kafka as the edge needs it: the cluster answers and the topics we write to exist. Part of the
 * readiness group, so a load balancer stops sending PBX traffic to an instance that would only
 * answer 503.
 */
public final class KafkaHealthIndicator implements ReactiveHealthIndicator {

    private final Admin admin;
    private final List<String> topics;
    private final Duration timeout;

    public KafkaHealthIndicator(Admin admin, List<String> topics, Duration timeout) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        int timeoutMs = (int) timeout.toMillis();
        Mono<String> clusterId = Mono.fromFuture(() -> admin
                .describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                .clusterId()
                .toCompletionStage()
                .toCompletableFuture());
        // Fails when a topic is missing.
        Mono<?> topicsExist = Mono.fromFuture(() -> admin
                .describeTopics(topics, new DescribeTopicsOptions().timeoutMs(timeoutMs))
                .allTopicNames()
                .toCompletionStage()
                .toCompletableFuture());
        return clusterId
                .flatMap(id -> topicsExist.thenReturn(Health.up().withDetail("clusterId", id).withDetail("topics", topics).build()))
                .timeout(timeout.plusMillis(500))
                .onErrorResume(error -> Mono.just(Health.down().withDetail("error", error.toString()).build()));
    }
}
