package io.callstream.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The default site's token on a laptop: random on first start, then kept in the data directory so
 * that a PBX configured once keeps working after restarts.
 */
final class DefaultSiteToken {

    static final String FILE_NAME = "default-site.token";
    private static final int RANDOM_BYTES = 24;

    private DefaultSiteToken() {
    }

    static String loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] random = new byte[RANDOM_BYTES];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDirectory);
            Files.writeString(file, token + System.lineSeparator(), StandardCharsets.US_ASCII);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the default site's token in " + file, e);
        }
    }
}
