package io.callstream.processor.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the application by one figure
 * ({@code callstream.processor.rocksdb-memory}): all stores share one block cache, their index and
 * filter blocks live in it, and their write buffers (memtables) are charged to it. Without this each
 * store opens its own cache and up to three 16 MiB memtables, so memory grows with the number of
 * stores and tasks. Writes wait while the memtables fill their share and flushes catch up (the write
 * buffer manager stalls them): without that, a replay on a busy machine wrote faster than RocksDB
 * flushed and went past the bound (the cache's usage by up to 41% in BoundedRocksDbMemoryTest; a replay's
 * process by some 120 MiB more).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams setting that carries the bound, in bytes, to this class (Kafka Streams instantiates it). */
    public static final String TOTAL_BYTES = "callstream.rocksdb.memory.bytes";

    /** Memtables may take up to this share of the bound; the rest is for blocks read. */
    private static final double WRITE_BUFFER_SHARE = 0.5;
    /** Index and filter blocks are kept before data blocks within this share of the cache. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;
    /** Stores share the memory of the bound they were configured with, once per bound and JVM. */
    private static final ConcurrentMap<Long, SharedMemory> SHARED = new ConcurrentHashMap<>();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        SharedMemory memory = SHARED.computeIfAbsent(totalBytes(configs), SharedMemory::of);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store: they live as long as the JVM.
    }

    /** The block cache shared by the stores configured with this bound, for a look at its usage. */
    static Cache sharedCache(long totalBytes) {
        return SHARED.computeIfAbsent(totalBytes, SharedMemory::of).cache();
    }

    private static long totalBytes(Map<String, Object> configs) {
        Object value = configs.get(TOTAL_BYTES);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            return Long.parseLong(text);
        }
        throw new IllegalStateException(TOTAL_BYTES + " is not set");
    }

    private record SharedMemory(Cache cache, WriteBufferManager writeBuffers) {

        static SharedMemory of(long totalBytes) {
            Cache cache = new LRUCache(totalBytes, -1, false, HIGH_PRIORITY_SHARE);
            boolean stallWrites = true;
            return new SharedMemory(cache,
                    new WriteBufferManager((long) (totalBytes * WRITE_BUFFER_SHARE), cache, stallWrites));
        }
    }
}
