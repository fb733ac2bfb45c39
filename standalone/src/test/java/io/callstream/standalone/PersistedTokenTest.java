package io.callstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistedTokenTest {

    @TempDir
    Path parent;

    @Test
    void shouldKeepANewTokenInAFileOnlyItsOwnerCanRead() throws Exception {
        Path dataDirectory = parent.resolve("data");

        String token = PersistedToken.loadOrCreate(dataDirectory, PersistedToken.ADMIN);

        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        assertThat(mode(dataDirectory.resolve(PersistedToken.ADMIN))).isEqualTo("rw-------");
        assertThat(mode(dataDirectory)).isEqualTo("rwx------");
    }

    @Test
    void shouldReturnTheSameTokenLaterAndTightenAFileAnOlderVersionLeftReadable() throws Exception {
        Path file = parent.resolve(PersistedToken.DEFAULT_SITE);
        Files.writeString(file, "older-token-1234\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        String token = PersistedToken.loadOrCreate(parent, PersistedToken.DEFAULT_SITE);

        assertThat(token).isEqualTo("older-token-1234");
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void shouldLeaveTheModeOfADataDirectoryThatAlreadyExistedAlone() throws Exception {
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));

        PersistedToken.loadOrCreate(parent, PersistedToken.ADMIN);

        assertThat(mode(parent)).isEqualTo("rwxr-xr-x");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
