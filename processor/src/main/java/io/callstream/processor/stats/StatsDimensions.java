package io.callstream.processor.stats;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.callstream.schema.StatsDimension;

/**
 * The dimensions of a site's statistics as key parts: {@code site}, {@code queue/<queue>},
 * {@code agent/<agent>}, the name URL-encoded so that no queue or agent name can break a key.
 */
public final class StatsDimensions {

    public static final String SITE = "site";
    private static final String QUEUE = "queue/";
    private static final String AGENT = "agent/";

    private StatsDimensions() {
    }

    public static String queue(String queue) {
        return QUEUE + URLEncoder.encode(queue, StandardCharsets.UTF_8);
    }

    public static String agent(String agent) {
        return AGENT + URLEncoder.encode(agent, StandardCharsets.UTF_8);
    }

    public static StatsDimension type(String dimension) {
        if (dimension.startsWith(QUEUE)) {
            return StatsDimension.QUEUE;
        }
        return dimension.startsWith(AGENT) ? StatsDimension.AGENT : StatsDimension.SITE;
    }

    /** The queue's or agent's name; null for the site. */
    public static String value(String dimension) {
        int slash = dimension.indexOf('/');
        return slash < 0 ? null : URLDecoder.decode(dimension.substring(slash + 1), StandardCharsets.UTF_8);
    }
}
