package io.callstream.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.callstream.ingress.IngressApplication;
import io.callstream.processor.ProcessorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The edge and the processor started as separate applications, as on a cluster: free ports on 127.0.0.1 and a
 * spool or state directory of their own. A test adds the settings it is about ({@code name=value}); they are
 * passed as command-line arguments, which beat the applications' own configuration files, as an operator's do.
 */
public final class SeparateApplications {

    private SeparateApplications() {
    }

    public static ConfigurableApplicationContext edge(String kafka, Path spool, String... settings) {
        return start(IngressApplication.class, "ingress", kafka,
                List.of("callstream.processor.enabled=false", "callstream.ingress.spool.directory=" + spool), settings);
    }

    public static ConfigurableApplicationContext processor(String kafka, Path stateDirectory, String... settings) {
        return start(ProcessorApplication.class, "processor", kafka, List.of("callstream.ingress.enabled=false",
                "callstream.processor.state-directory=" + stateDirectory,
                "callstream.processor.advertised-host=127.0.0.1"), settings);
    }

    /** Where the application answers PBX and API requests. */
    public static String base(ConfigurableApplicationContext application) {
        return "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
    }

    private static ConfigurableApplicationContext start(Class<?> application, String configurationName, String kafka,
            List<String> its, String... settings) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "management.server.port=0", "spring.kafka.bootstrap-servers=" + kafka));
        all.addAll(its);
        all.addAll(List.of(settings));
        return new SpringApplicationBuilder(application).properties("spring.config.name=" + configurationName)
                .run(all.stream().map(setting -> "--" + setting).toArray(String[]::new));
    }
}
