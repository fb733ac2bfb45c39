package io.callstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.callstream.sites.rules.Decision;
import io.callstream.sites.rules.DestinationPattern;
import io.callstream.sites.rules.RuleSet;
import io.callstream.sites.rules.SiteRules;
import io.callstream.schema.CallEventType;
import io.callstream.schema.Direction;
import io.callstream.schema.PhoneNumbers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The edge's answer to a {@code newCall} for a site with 100,000 block entries (90,000 numbers,
 * 10,000 prefixes) and 10,000 routing rows, against a site without rules (baseline) and against a
 * plain first-match scan of the same 10,000 rows.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.callstream.benchmarks.DecisionBenchmark
 * </pre>
 *
 * Prints JMH's table, then each benchmark's {@code ratio} to the baseline of the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmark {

    private static final int BLOCKED_NUMBERS = 90_000;
    private static final int BLOCKED_PREFIXES = 10_000;
    private static final int ROUTING_ROWS = 10_000;
    private static final String BASELINE = "baselineSiteWithoutRules";

    private SiteRules noRules;
    private SiteRules largeRules;
    private List<DestinationPattern> routingPatterns;

    private NewCall inboundBlockedNumber;
    private NewCall inboundBlockedPrefix;
    private NewCall inboundAllowed;
    private NewCall outboundFirstRow;
    private NewCall outboundLastRow;
    private NewCall outboundNoRow;

    @Setup
    public void buildRules() {
        Random random = new Random(42);
        List<String> blocked = new ArrayList<>();
        for (int i = 0; i < BLOCKED_NUMBERS; i++) {
            blocked.add("+49 " + digits(random, 10));
        }
        for (int i = 0; i < BLOCKED_PREFIXES; i++) {
            blocked.add("0090" + String.format("%05d", i) + "*");
        }
        List<RuleSet.RoutingRule> routes = new ArrayList<>();
        for (int i = 0; i < ROUTING_ROWS; i++) {
            routes.add(new RuleSet.RoutingRule("41" + String.format("%05d", i) + "*", "4171500" + i));
        }
        largeRules = SiteRules.compile(new RuleSet(null, blocked, routes, "4930777000"));
        noRules = SiteRules.compile(RuleSet.none());
        routingPatterns = routes.stream()
                .map(route -> DestinationPattern.compile(PhoneNumbers.normalize(route.destination(), null)))
                .toList();

        inboundBlockedNumber = newCall(Direction.IN, blocked.get(BLOCKED_NUMBERS / 2).replace("+49 ", "0049"), "4930555");
        inboundBlockedPrefix = newCall(Direction.IN, "+90 0777 1234567", "4930555");
        inboundAllowed = newCall(Direction.IN, "+49 171 " + digits(random, 7), "4930555");
        outboundFirstRow = newCall(Direction.OUT, "4930555", "+41 00000 12345");
        outboundLastRow = newCall(Direction.OUT, "4930555", "+41 09999 12345");
        outboundNoRow = newCall(Direction.OUT, "4930555", "+1 212 5550100");
        check(inboundBlockedNumber.decidedBy(largeRules) == Decision.REJECT, "blocked number");
        check(inboundBlockedPrefix.decidedBy(largeRules) == Decision.REJECT, "blocked prefix");
        check(inboundAllowed.decidedBy(largeRules) == Decision.NO_ACTION, "allowed caller");
        check(outboundLastRow.decidedBy(largeRules).equals(new Decision.Dial("41715009999", "+41 09999 12345")), "last row");
        check(outboundNoRow.decidedBy(largeRules).equals(new Decision.Dial("4930777000", "+1 212 5550100")), "default");
    }

    public static void main(String[] args) throws RunnerException {
        Map<String, Double> nanos = new TreeMap<>();
        for (RunResult result : new Runner(new OptionsBuilder()
                .include(Pattern.quote(DecisionBenchmark.class.getName() + ".")).build()).run()) {
            String benchmark = result.getParams().getBenchmark();
            nanos.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        double baseline = nanos.get(BASELINE);
        nanos.forEach((benchmark, score) -> System.out.printf("== ratio %s / %s: %.1f (%.0f ns / %.0f ns)%n",
                benchmark, BASELINE, score / baseline, score, baseline));
    }

    @Benchmark
    public Decision baselineSiteWithoutRules() {
        return inboundAllowed.decidedBy(noRules);
    }

    @Benchmark
    public Decision inboundBlockedNumber() {
        return inboundBlockedNumber.decidedBy(largeRules);
    }

    @Benchmark
    public Decision inboundBlockedPrefix() {
        return inboundBlockedPrefix.decidedBy(largeRules);
    }

    @Benchmark
    public Decision inboundAllowedCaller() {
        return inboundAllowed.decidedBy(largeRules);
    }

    @Benchmark
    public Decision outboundFirstRow() {
        return outboundFirstRow.decidedBy(largeRules);
    }

    @Benchmark
    public Decision outboundLastRow() {
        return outboundLastRow.decidedBy(largeRules);
    }

    @Benchmark
    public Decision outboundNoRowDefaultCallerId() {
        return outboundNoRow.decidedBy(largeRules);
    }

    /** What the index saves: the same last-row lookup as a plain first-match scan. */
    @Benchmark
    public int outboundLastRowLinearScan() {
        String destination = PhoneNumbers.normalize(outboundLastRow.to(), null);
        for (int row = 0; row < routingPatterns.size(); row++) {
            if (routingPatterns.get(row).matches(destination)) {
                return row;
            }
        }
        return -1;
    }

    /** The inputs the edge hands the rules for a {@code newCall}. */
    private record NewCall(Direction direction, String from, String to) {

        Decision decidedBy(SiteRules rules) {
            return rules.decide(CallEventType.NEW_CALL, direction, from, to);
        }
    }

    private static NewCall newCall(Direction direction, String from, String to) {
        return new NewCall(direction, from, to);
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up is wrong: " + what);
        }
    }
}
