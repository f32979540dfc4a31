package io.centerline.entries.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ByteLinesTests {

    private static final int LIMIT = 1 << 20;

    @Test
    void aLineWithoutEndFarLongerThanTheLimitIsSkippedWithItsLengthInBoundedMemory() {
        long endless = 64L << 20;
        ByteLines lines = new ByteLines(new Repeated(endless, "\n{\"entryNumber\":\"C\"}\n"), LIMIT);

        assertThat(lines.advance()).isTrue();
        assertThat(lines.overlong()).isEqualTo(endless);
        assertThat(lines.length()).isZero();
        assertThat(lines.buffer().length).isLessThanOrEqualTo(4 * LIMIT);

        assertThat(lines.advance()).isTrue();
        assertThat(lines.overlong()).isEqualTo(-1);
        assertThat(new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8))
                .isEqualTo("{\"entryNumber\":\"C\"}");
        assertThat(lines.advance()).isFalse();
    }

    @Test
    void aLineLongerThanTheLimitThatEndsTheStreamIsReportedWithoutItsCarriageReturn() {
        ByteLines lines = new ByteLines(new Repeated(LIMIT + 10, "\r"), LIMIT);

        assertThat(lines.advance()).isTrue();
        assertThat(lines.overlong()).isEqualTo(LIMIT + 10);
        assertThat(lines.advance()).isFalse();
    }

    /** A number of bytes 'x', then a tail, produced as read and never held whole. */
    private static final class Repeated extends InputStream {

        private final byte[] tail;
        private long left;
        private int tailRead;

        Repeated(long count, String tail) {
            this.left = count;
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (left > 0) {
                int n = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
            if (tailRead == tail.length) {
                return -1;
            }
            int n = Math.min(length, tail.length - tailRead);
            System.arraycopy(tail, tailRead, buffer, offset, n);
            tailRead += n;
            return n;
        }
    }
}
