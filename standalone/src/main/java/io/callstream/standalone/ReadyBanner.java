package io.callstream.standalone;

import java.io.PrintStream;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** Tells a new user, once everything runs, where to send the first call and how to see it arrive. */
final class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

    private final String token;
    private final PrintStream out;

    ReadyBanner(String token, PrintStream out) {
        this.token = token;
        this.out = out;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        var environment = event.getApplicationContext().getEnvironment();
        String port = environment.getProperty("local.server.port", "3000");
        String kafka = environment.getProperty(LocalKafkaInitializer.KAFKA_DESCRIPTION, "?");
        String endpoint = "http://localhost:" + port + "/api/v1/cti/" + token;
        out.printf("%ncallstream is ready (%.1f s).%n", event.getTimeTaken().toMillis() / 1000.0);
        out.printf("  PBX endpoint (site \"default\"): %s%n", endpoint);
        out.printf("  Kafka:                         %s%n", kafka);
        out.printf("  Try:   curl -X POST --data \"event=newCall&from=493055571600&to=491711234567890"
                + "&direction=in&callId=123456&user[]=Alice&user[]=Bob\" %s%n", endpoint);
        out.printf("  Then:  ./callstream events      (prints what arrived on the events topic)%n%n");
    }
}
