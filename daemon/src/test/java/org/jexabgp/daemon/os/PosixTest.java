package org.jexabgp.daemon.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The system calls of a daemon's start, against what the kernel reports in /proc. */
class PosixTest {
    private static String status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith(field + ":")) return line.substring(field.length() + 1).trim();
        throw new IOException("no " + field);
    }

    @Test
    void identitiesAreTheProcesss() throws IOException {
        String[] uids = status("Uid").split("\\s+");
        String[] gids = status("Gid").split("\\s+");
        assertThat(Posix.uid()).isEqualTo(Integer.parseInt(uids[0]));
        assertThat(Posix.euid()).isEqualTo(Integer.parseInt(uids[1]));
        assertThat(Posix.gid()).isEqualTo(Integer.parseInt(gids[0]));
    }

    @Test
    void umaskIsSetAndThePreviousOneReturned() throws IOException {
        int before = Integer.parseInt(status("Umask"), 8);
        try {
            assertThat(Posix.umask(0137)).isEqualTo(before);
            assertThat(Integer.parseInt(status("Umask"), 8)).isEqualTo(0137);
        } finally {
            Posix.umask(before);
        }
        assertThat(Integer.parseInt(status("Umask"), 8)).isEqualTo(before);
    }

    @Test
    void usersComeFromTheUserDatabase() throws IOException {
        assertThat(Posix.user("root")).isEqualTo(new Posix.User("root", 0, 0));
        assertThat(Posix.user("no-such-user-here")).isNull();
    }

    @Test
    void idsAreKeptOrRefusedWithTheErrno() throws IOException {
        Posix.setGid(Posix.gid()); // to the id it has: allowed to anyone, no change
        Posix.setUid(Posix.uid());
        assertThat(Posix.uid()).isEqualTo(Integer.parseInt(status("Uid").split("\\s+")[0]));
        if (Posix.uid() != 0)
            assertThatThrownBy(() -> Posix.setUid(0)).isInstanceOf(IOException.class).hasMessageContaining("errno 1");
    }

    @Test
    void callsLinkedAheadAreMadeAsOthersAndUnknownOnesWaitForTheirUse() throws IOException {
        Posix.link("getgid", "no_such_call", "geteuid");
        assertThat(Posix.gid()).isEqualTo(Integer.parseInt(status("Gid").split("\\s+")[0]));
        assertThat(Posix.euid()).isEqualTo(Integer.parseInt(status("Uid").split("\\s+")[1]));
    }
}
