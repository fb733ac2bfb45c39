package io.callstream.processor.contacts;

/** The contacts file cannot be imported at all (400): no header row naming the required columns. */
final class InvalidContactsFileException extends RuntimeException {

    InvalidContactsFileException(String message) {
        super(message, null, false, false);
    }
}
