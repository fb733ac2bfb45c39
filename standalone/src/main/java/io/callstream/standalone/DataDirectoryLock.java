package io.callstream.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One launcher per data directory: a second one on the same broker data would corrupt it. The lock
 * is the operating system's on {@code .lock} in the directory, so it goes with the process that held
 * it, even after {@code kill -9}; the file names that process for the message a second one prints.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the data directory if needed (readable by its owner only) and locks it.
     *
     * @throws DataDirectoryInUseException when another process (or this one) holds the lock
     */
    static DataDirectoryLock acquire(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            PrivateFiles.createDirectory(dataDirectory);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(dataDirectory.toAbsolutePath(), holder(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data directory " + dataDirectory.toAbsolutePath(), e);
        }
    }

    /** The process id the holder wrote, if this platform lets a locked file be read. */
    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** Lets go of the directory; a second call does nothing. */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the data directory's lock", e);
        }
    }

    /** Another launcher uses the data directory. */
    static final class DataDirectoryInUseException extends RuntimeException {

        DataDirectoryInUseException(Path dataDirectory, String holder) {
            super("The data directory " + dataDirectory + " is in use by another callstream"
                    + (holder.isEmpty() ? "" : " (process " + holder + ")")
                    + ". Stop that one first, or give this one another directory with CALLSTREAM_DATA_DIR.");
        }
    }
}
