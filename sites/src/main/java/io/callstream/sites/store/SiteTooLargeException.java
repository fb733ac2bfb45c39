package io.callstream.sites.store;

/** A site whose record would be larger than the sites topic takes; nothing was written. */
public final class SiteTooLargeException extends RuntimeException {

    public SiteTooLargeException(int bytes, int room) {
        super("The site's record would be " + bytes + " bytes; the sites topic takes records of up to " + room
                + " bytes (callstream.ingress.sites-topic.max-record-size, less " + SitesTopic.BATCH_OVERHEAD_BYTES
                + " bytes of batch overhead). Shorten its block list or routing, or raise the setting and the topic's"
                + " max.message.bytes.");
    }
}
