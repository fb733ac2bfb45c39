package io.callstream.ingress.spool;

import java.nio.file.Path;

/** Another edge (or a drain command) holds the spool directory: two writers would interleave their files. */
public final class SpoolInUseException extends RuntimeException {

    public SpoolInUseException(Path directory) {
        super("The spool directory " + directory + " is in use by another callstream edge or drain command;"
                + " give each edge instance its own (callstream.ingress.spool.directory)");
    }
}
