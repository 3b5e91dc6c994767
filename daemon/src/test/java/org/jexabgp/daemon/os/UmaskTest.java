package org.jexabgp.daemon.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The umask read from /proc, and set only when it is another. */
class UmaskTest {
    private static int kernels() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("Umask:")) return Integer.parseInt(line.substring(6).trim(), 8);
        throw new IOException("no Umask line");
    }

    @Test
    void statusTextsAreRead() {
        assertThat(Umask.in("Name:\tjava\nUmask:\t0137\nState:\tR (running)\n")).isEqualTo(0137);
        assertThat(Umask.in("Umask:\t0022")).isEqualTo(0022);
        assertThat(Umask.in("Umask:  0777\n")).isEqualTo(0777);
        assertThat(Umask.in("Name:\tUmask:\t0123\nUmaskx:\t1\n")).isEqualTo(-1);
        assertThat(Umask.in("Umask:\t0o22\n")).isEqualTo(-1);
        assertThat(Umask.in("")).isEqualTo(-1);
    }

    @Test
    void currentIsTheKernels() throws IOException {
        assertThat(Umask.current()).isEqualTo(kernels());
    }

    @Test
    void ensureSetsAnotherAndKeepsTheSame() throws IOException {
        int before = kernels();
        int other = before == 0137 ? 0027 : 0137;
        try {
            assertThat(Umask.ensure(other)).as("another: the C call").isTrue();
            assertThat(kernels()).isEqualTo(other);
            assertThat(Umask.ensure(other)).as("the same: no call").isFalse();
            assertThat(kernels()).isEqualTo(other);
        } finally {
            Posix.umask(before);
        }
    }

    /** What the launcher says it set is believed, once: a later ensure reads the kernel's again. */
    @Test
    void theLaunchersWordIsTakenOnce() throws IOException {
        int before = kernels();
        int other = before == 0137 ? 0027 : 0137;
        try {
            System.setProperty(Umask.TOLD, Integer.toOctalString(other));
            assertThat(Umask.ensure(other)).as("told: no call").isFalse();
            assertThat(kernels()).isEqualTo(before);
            assertThat(System.getProperty(Umask.TOLD)).isNull();
            assertThat(Umask.ensure(other)).as("told before: the kernel's is read again").isTrue();
            assertThat(kernels()).isEqualTo(other);
            System.setProperty(Umask.TOLD, "0o22");
            assertThat(Umask.ensure(before)).as("not a number: the kernel's is read").isTrue();
            assertThat(kernels()).isEqualTo(before);
        } finally {
            System.clearProperty(Umask.TOLD);
            Posix.umask(before);
        }
    }
}
