package org.articlekit.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Blake2bTest {

    @Test
    void theRfcExampleHashesToItsPublishedDigest() {
        // RFC 7693, Appendix A: BLAKE2b-512("abc").
        assertThat(hex(Blake2b.digest("abc".getBytes(StandardCharsets.US_ASCII), 64))).isEqualTo(
                "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    /** Digests of 16 bytes, as Python's hashlib.blake2b(data, digest_size=16) gives them. */
    @ParameterizedTest
    @CsvSource({
            "0, cae66941d9efbd404e4d88758ea67670",
            "127, d3a77cf8d34a597a3d8999e5074c9912",
            "128, 44dca78cecea061046dbccca1749496d",
            "129, 5ba99ba0711c084704cc7975de674bbc",
            "1000, de242f3e8fdda7433e553ea711051a42",
            "70000, a0fd6c6ed8173b184706438b83376cb0"})
    void shortDigestsOfMessagesAroundTheBlockSizeMatchAReferenceImplementation(int length, String expected) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        assertThat(hex(Blake2b.digest(data, 16))).isEqualTo(expected);
    }

    @Test
    void aDigestLengthOutsideOneToSixtyFourIsRefused() {
        assertThatThrownBy(() -> Blake2b.digest(new byte[1], 65)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Blake2b.digest(new byte[1], 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
