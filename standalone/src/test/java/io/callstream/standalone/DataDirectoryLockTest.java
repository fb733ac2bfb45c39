package io.callstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

    @TempDir
    Path parent;

    @Test
    void shouldRefuseASecondHolderWithAMessageThatSaysWhatToDo() {
        Path dataDirectory = parent.resolve("data");
        try (DataDirectoryLock first = DataDirectoryLock.acquire(dataDirectory)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDirectory))
                    .isInstanceOf(DataDirectoryLock.DataDirectoryInUseException.class)
                    .hasMessageContaining(dataDirectory.toAbsolutePath().toString())
                    .hasMessageContaining("process " + ProcessHandle.current().pid())
                    .hasMessageContaining("CALLSTREAM_DATA_DIR");
        }
    }

    @Test
    void shouldLetTheNextOneInOnceReleased() {
        DataDirectoryLock first = DataDirectoryLock.acquire(parent);
        first.close();
        first.close();

        try (DataDirectoryLock next = DataDirectoryLock.acquire(parent)) {
            assertThat(parent.resolve(DataDirectoryLock.FILE)).content().isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
    }
}
