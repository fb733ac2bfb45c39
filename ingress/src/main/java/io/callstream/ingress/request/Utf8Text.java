package io.callstream.ingress.request;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes request text. PBXs never declare a charset and almost all send UTF-8; the few that send
 * Latin-1 (a {@code Müller} from an old bridge) would otherwise lose characters, and since any byte
 * sequence is valid Latin-1, falling back to it never fails.
 */
final class Utf8Text {

    private Utf8Text() {
    }

    static String decode(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }
}
