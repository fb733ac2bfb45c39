package io.callstream.processor.contacts;

import io.callstream.schema.Contact;

/** One contact to store under its normalised number. */
public record ContactEntry(String number, Contact contact) {
}
