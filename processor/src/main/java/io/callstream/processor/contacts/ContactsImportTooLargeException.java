package io.callstream.processor.contacts;

/** The contacts file is over the import limit (413); the rows before the limit were imported. */
final class ContactsImportTooLargeException extends RuntimeException {

    private final long imported;

    ContactsImportTooLargeException(long limitBytes, long imported) {
        super("The file is larger than the import limit of " + limitBytes / (1024 * 1024) + " MiB; split it. "
                + imported + " contact(s) before the limit were imported.", null, false, false);
        this.imported = imported;
    }

    long imported() {
        return imported;
    }
}
