package io.callstream.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

/**
 * The published versions of each topic value schema, oldest first. Version {@code n} of a record
 * lives in {@code avro-history/<full name>/v<n>.avsc} on the classpath. A build check keeps the
 * newest version equal to the current schema and every version compatible with the current one in
 * both directions, so old data stays readable and old readers keep working.
 */
public final class SchemaHistory {

    private static final String ROOT = "avro-history/";

    private SchemaHistory() {
    }

    /** All published versions of the schema, oldest first; empty if it was never published. */
    public static List<Schema> publishedVersions(Schema schema) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = resourceName(schema.getFullName(), version);
            try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    static String resourceName(String fullName, int version) {
        return ROOT + fullName + "/v" + version + ".avsc";
    }
}
