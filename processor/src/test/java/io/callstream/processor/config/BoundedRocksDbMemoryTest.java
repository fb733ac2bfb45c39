package io.callstream.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Real RocksDB databases under the setter: their write buffers are charged to one shared cache and stay within
 * its bound while they are written as fast as a thread can, also when the machine is too busy for flushes to
 * keep up (this failed one run in five with two busy cores beside it before writes were made to wait).
 */
class BoundedRocksDbMemoryTest {

    private static final long BOUND = 8L * 1024 * 1024;
    private static final byte[] VALUE = "x".repeat(1_000).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path stateDirectory;

    @Test
    void storesShareOneBoundedCache() throws RocksDBException {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options firstOptions = options(setter, "first"); Options secondOptions = options(setter, "second");
                RocksDB first = RocksDB.open(firstOptions, stateDirectory.resolve("first").toString());
                RocksDB second = RocksDB.open(secondOptions, stateDirectory.resolve("second").toString())) {
            write(first, 2_000);
            long afterFirst = BoundedRocksDbMemory.sharedCache(BOUND).getUsage();
            write(second, 2_000);
            long afterBoth = BoundedRocksDbMemory.sharedCache(BOUND).getUsage();

            assertThat(afterFirst).as("the first store's write buffer charged to the shared cache").isGreaterThan(1_000_000);
            assertThat(afterBoth).as("the second store's charged to the same cache").isGreaterThan(afterFirst);
            for (int i = 0; i < 20; i++) {
                write(first, 2_000);
                write(second, 2_000);
                assertThat(BoundedRocksDbMemory.sharedCache(BOUND).getUsage())
                        .as("within the bound (index and filter blocks may add a little)")
                        .isLessThanOrEqualTo(BOUND + BOUND / 4);
            }
            assertThat(second.get("key-1999".getBytes(StandardCharsets.UTF_8))).isEqualTo(VALUE);
        }
    }

    private static Options options(BoundedRocksDbMemory setter, String store) {
        Options options = new Options().setCreateIfMissing(true);
        options.setTableFormatConfig(new BlockBasedTableConfig());
        setter.setConfig(store, options, Map.of(BoundedRocksDbMemory.TOTAL_BYTES, BOUND));
        return options;
    }

    private static void write(RocksDB db, int entries) throws RocksDBException {
        for (int i = 0; i < entries; i++) {
            db.put(("key-" + i).getBytes(StandardCharsets.UTF_8), VALUE);
        }
    }
}
