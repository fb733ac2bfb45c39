package io.callstream.processor.contacts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a CSV cell read byte for byte (as ISO-8859-1, so the separators and quotes, all
 * ASCII, are found in any encoding): UTF-8 when its bytes are valid UTF-8, else Windows-1252, the
 * encoding of a "CSV" saved by Excel on Windows. Decided per cell, so one odd cell does not turn a
 * whole UTF-8 file into mojibake.
 */
final class CsvCells {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvCells() {
    }

    static String decode(String bytesAsLatin1) {
        if (bytesAsLatin1 == null || isAscii(bytesAsLatin1)) {
            return bytesAsLatin1;
        }
        byte[] bytes = bytesAsLatin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
