package io.callstream.benchmarks;

import java.lang.reflect.Method;

/**
 * Optional CPU profile of the second half of a replay (the JIT warmed up by the first) with
 * async-profiler, when {@code -Dbench.profile=<directory>} is given and async-profiler's jar is on the
 * class path: one collapsed-stacks file per replay, threads apart, for a flame graph or a grep.
 *
 * <pre>
 * curl -sSfLO https://repo1.maven.org/maven2/tools/profiler/async-profiler/4.2/async-profiler-4.2-linux-x64.jar
 * java -Dbench.profile=/tmp/profiles -cp benchmarks/target/benchmarks.jar:async-profiler-4.2-linux-x64.jar \
 *     io.callstream.benchmarks.ProcessorThroughput 600000 0
 * </pre>
 */
final class SteadyStateProfile {

    private static final String DIRECTORY = System.getProperty("bench.profile");

    private SteadyStateProfile() {
    }

    static void start() {
        execute("start,event=cpu,interval=1ms,threads");
    }

    static void stop(String name) {
        execute("stop,collapsed,file=" + DIRECTORY + "/" + name + ".collapsed");
    }

    private static void execute(String command) {
        if (DIRECTORY == null) {
            return;
        }
        try {
            new java.io.File(DIRECTORY).mkdirs();
            Class<?> profilerClass = Class.forName("one.profiler.AsyncProfiler");
            Object profiler = profilerClass.getMethod("getInstance").invoke(null);
            Method execute = profilerClass.getMethod("execute", String.class);
            System.out.println("== async-profiler: " + execute.invoke(profiler, command).toString().strip());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("-Dbench.profile needs async-profiler's jar on the class path", e);
        }
    }
}
