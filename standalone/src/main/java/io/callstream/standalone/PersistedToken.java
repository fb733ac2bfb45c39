package io.callstream.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.callstream.sites.TokenDigest;

/**
 * A token for a laptop install: random on first start, then kept in the data directory, so that a
 * PBX or an admin script configured once keeps working after restarts. The file is readable by its
 * owner only.
 */
final class PersistedToken {

    static final String DEFAULT_SITE = "default-site.token";
    static final String ADMIN = "admin.token";

    private PersistedToken() {
    }

    static String loadOrCreate(Path dataDirectory, String fileName) {
        Path file = dataDirectory.resolve(fileName);
        try {
            if (Files.exists(file)) {
                PrivateFiles.restrict(file);
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            String token = TokenDigest.newToken();
            PrivateFiles.createDirectory(dataDirectory);
            PrivateFiles.createFile(file);
            Files.writeString(file, token + System.lineSeparator(), StandardCharsets.US_ASCII);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a token in " + file, e);
        }
    }
}
