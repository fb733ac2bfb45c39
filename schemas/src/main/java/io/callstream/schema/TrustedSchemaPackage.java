package io.callstream.schema;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.2 only instantiates classes it trusts while decoding, and its trust list is
 * process-wide by design. We add exactly our generated package, once, so that no application has
 * to set {@code org.apache.avro.SERIALIZABLE_PACKAGES} itself; everything Avro trusted before stays
 * trusted.
 */
final class TrustedSchemaPackage {

    private static final String PACKAGE_PREFIX = CtiEvent.class.getPackageName() + ".";

    private static boolean installed;

    private TrustedSchemaPackage() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                ClassSecurityValidator.getGlobal(),
                type -> type.getName().startsWith(PACKAGE_PREFIX)));
        installed = true;
    }
}
