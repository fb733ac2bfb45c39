package io.callstream.schema;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.2 only instantiates classes it trusts while decoding or copying (builders copy nested
 * records and enum defaults), and its trust list is process-wide by design. We add exactly our
 * generated package, once, so that no application has to set
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} itself; everything Avro trusted before stays
 * trusted. Called by {@link AvroSerde} and by every generated record class when it is loaded (the
 * build inserts the call).
 */
public final class TrustedSchemaPackage {

    private static final String PACKAGE_PREFIX = CtiEvent.class.getPackageName() + ".";

    private static boolean installed;

    private TrustedSchemaPackage() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                ClassSecurityValidator.getGlobal(),
                type -> type.getName().startsWith(PACKAGE_PREFIX)));
        installed = true;
    }
}
