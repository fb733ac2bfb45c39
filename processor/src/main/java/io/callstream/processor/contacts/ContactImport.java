package io.callstream.processor.contacts;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Imports a contacts CSV stream: rows are read one at a time and written to Kafka a batch at a time,
 * so a file of any length up to the limit takes bounded memory. Rows that are no contact are counted
 * and the first {@value #PROBLEMS_LISTED} listed with their line numbers; the others are imported.
 */
public final class ContactImport {

    static final int BATCH_SIZE = 1_000;
    static final int PROBLEMS_LISTED = 20;

    /** A data row that was not imported. */
    @Schema(name = "ContactImportProblem")
    public record Problem(long line, String message) {
    }

    /** What an import did: rows imported, rows rejected, the first problems. */
    @Schema(name = "ContactImportResult")
    public record Result(long imported, long rejected, List<Problem> problems) {
    }

    private final ContactWriter writer;
    private final ContactsCsvReader reader = new ContactsCsvReader();
    private final long maxBytes;

    public ContactImport(ContactWriter writer, long maxBytes) {
        this.writer = writer;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Blocking: reads the whole stream and waits for Kafka.
     *
     * @throws InvalidContactsFileException     no header row naming number and name (nothing imported)
     * @throws ContactsImportTooLargeException  over the size limit (the rows before it were imported)
     */
    public Result importFrom(InputStream csv) {
        return importFrom(csv, null);
    }

    /** As {@link #importFrom(InputStream)}, national numbers taken as numbers of {@code countryCode} (null: as they are). */
    public Result importFrom(InputStream csv, String countryCode) {
        Batches batches = new Batches();
        List<Problem> problems = new ArrayList<>();
        long[] rejected = {0};
        try {
            reader.read(new LimitedInputStream(csv, maxBytes), countryCode, batches::add, (line, message) -> {
                rejected[0]++;
                if (problems.size() < PROBLEMS_LISTED) {
                    problems.add(new Problem(line, message));
                }
            });
        } catch (LimitExceeded overLimit) {
            batches.flush();
            throw new ContactsImportTooLargeException(maxBytes, batches.written);
        }
        batches.flush();
        return new Result(batches.written, rejected[0], List.copyOf(problems));
    }

    /** Contacts on their way to Kafka, a batch at a time. */
    private final class Batches {

        private final List<ContactEntry> pending = new ArrayList<>(BATCH_SIZE);
        private long written;

        void add(ContactEntry entry) {
            pending.add(entry);
            if (pending.size() == BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                writer.put(pending);
                written += pending.size();
                pending.clear();
            }
        }
    }

    /** Fails the read once more than the limit came; not an IOException, which the CSV parser would report as bad CSV. */
    private static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int bytes) {
            read += bytes;
            if (read > limit) {
                throw new LimitExceeded();
            }
        }
    }

    private static final class LimitExceeded extends RuntimeException {

        LimitExceeded() {
            super(null, null, false, false);
        }
    }
}
