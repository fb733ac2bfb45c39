package io.callstream.ingress.observability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Kafka as the edge needs it: the cluster answers and the topics we write to exist. Part of the
 * readiness group, so a load balancer stops sending PBX traffic to an instance that would only
 * answer 503. A probe thread checks every {@code interval} (waiting up to {@code timeout} for
 * Kafka); health answers from the latest result at once, so a probe with a short timeout reads a
 * 503 instead of timing out while Kafka is away.
 */
public final class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

    private final Admin admin;
    private final List<String> topics;
    private final Duration timeout;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kafka-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Health latest = Health.outOfService().withDetail("reason", "Kafka not checked yet").build();

    public KafkaHealthIndicator(Admin admin, List<String> topics, Duration timeout, Duration interval) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.timeout = timeout;
        prober.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        return latest;
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }

    private void check() {
        int timeoutMs = (int) timeout.toMillis();
        try {
            String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            // Fails when a topic is missing.
            admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(timeoutMs))
                    .allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
            latest = Health.up().withDetail("clusterId", clusterId).withDetail("topics", topics).build();
        } catch (ExecutionException | TimeoutException | RuntimeException failure) {
            Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
            latest = Health.down().withDetail("error", String.valueOf(cause)).build();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }
}
