package org.jexabgp.daemon.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sun.security.auth.module.UnixSystem;
import org.junit.jupiter.api.Test;

/** The system calls of a daemon's start, against what the kernel reports in /proc. */
class PosixTest {
    /** A field of the process's /proc status, trimmed (NativePrivilegesTest too). */
    static String status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith(field + ":")) return line.substring(field.length() + 1).trim();
        throw new IOException("no " + field);
    }

    /** Against the JDK's own getuid/getgid (JNI) and the process's effective uid. */
    @Test
    void identitiesAreTheProcesss() throws IOException {
        UnixSystem system = new UnixSystem();
        assertThat(Posix.uid()).isEqualTo(system.getUid());
        assertThat(Posix.gid()).isEqualTo(system.getGid());
        assertThat(Posix.euid()).isEqualTo(Integer.parseInt(status("Uid").split("\\s+")[1]));
    }

    /** Which of a status line's ids is which (real, effective, saved, filesystem), however they are spaced. */
    @Test
    void statusLinesAreReadInOrder() throws IOException {
        String status = "Name:\tjava\nUidx:\t9\t9\t9\t9\nUid:\t1000\t0 \t2   3\nGid:\t4294967294\t5\t6\t7\n";
        assertThat(Posix.ids(status, "Uid")).containsExactly(1000, 0, 2, 3);
        assertThat(Posix.ids(status, "Gid")).containsExactly(-2, 5, 6, 7);
        assertThatThrownBy(() -> Posix.ids("Uid:\tx\t1\n", "Uid")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Posix.ids("Name:\tjava\n", "Gid")).isInstanceOf(IOException.class);
        // the first line, and the last without its newline
        assertThat(Posix.ids("Uid:\t5\t6\t7\t8\nGid: 1 2 3 4 5", "Uid")).containsExactly(5, 6, 7, 8);
        assertThat(Posix.ids("Uid:\t5\t6\t7\t8\nGid: 1 2 3 4 5", "Gid")).containsExactly(1, 2, 3, 4, 5);
        assertThatThrownBy(() -> Posix.ids("Gid:\t1\n", "Gid")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Posix.ids("Gid:\t1 -2\n", "Gid")).isInstanceOf(IOException.class);
        // supplementary groups: none, or some
        assertThat(Posix.values("Uid:\t0\t0\t0\t0\nGroups:\t \nNgid:\t0\n", "Groups")).isEmpty();
        assertThat(Posix.values("Groups:\t0 4 27 \n", "Groups")).containsExactly(0, 4, 27);
    }

    /** All three ids the privilege drop checks, from one reading, are those the kernel and the JDK report. */
    @Test
    void credentialsAreTheProcesss() throws IOException {
        UnixSystem system = new UnixSystem();
        Posix.Credentials c = Posix.credentials();
        assertThat(c.uid()).isEqualTo(system.getUid());
        assertThat(c.gid()).isEqualTo(system.getGid());
        assertThat(c.euid()).isEqualTo(Integer.parseInt(status("Uid").split("\\s+")[1]));
        assertThat(c.supplementaryGroups()).isEqualTo(!status("Groups").isBlank());
        assertThat(Posix.supplementaryGroups()).isEqualTo(!status("Groups").isBlank());
    }

    /** Only a users' database that asks its files first lets /etc/passwd answer before getpwnam(3). */
    @Test
    void nsswitchDecidesWhetherFilesComeFirst() {
        assertThat(Posix.filesFirst("")).isTrue();
        assertThat(Posix.filesFirst("group: sss files\n")).isTrue();
        assertThat(Posix.filesFirst("passwd:         files systemd\ngroup: files\n")).isTrue();
        assertThat(Posix.filesFirst("passwd: compat\n")).isTrue();
        assertThat(Posix.filesFirst("# passwd: sss\npasswd: files sss # local first\n")).isTrue();
        assertThat(Posix.filesFirst("passwd: sss files\n")).isFalse();
        assertThat(Posix.filesFirst("passwd:\tldap [NOTFOUND=return] files\n")).isFalse();
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
        // /etc/passwd read here says what getpwnam(3) says
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) continue;
            String name = line.substring(0, line.indexOf(':'));
            assertThat(Posix.user(name)).as(name).isEqualTo(Posix.lookup(name)).isNotNull();
        }
    }

    @Test
    void passwdEntriesAreFoundByTheirWholeName() {
        String passwd = """
                # a comment
                rootish:x:5:6:not root:/:/bin/sh
                +nis::::::
                broken:x:1
                odd:x:notanumber:1:::
                root:x:0:0:root:/root:/bin/bash
                nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
                big:x:4294967294:4294967293:::
                """;
        assertThat(Posix.passwdEntry(passwd, "root")).isEqualTo(new Posix.User("root", 0, 0));
        assertThat(Posix.passwdEntry(passwd, "nobody")).isEqualTo(new Posix.User("nobody", 65534, 65534));
        assertThat(Posix.passwdEntry(passwd, "big")).isEqualTo(new Posix.User("big", -2, -3)); // as the C ints read
        assertThat(Posix.passwdEntry(passwd, "roo")).isNull();
        assertThat(Posix.passwdEntry(passwd, "broken")).isNull();
        assertThat(Posix.passwdEntry(passwd, "odd")).isNull();
        assertThat(Posix.passwdEntry(passwd, "")).isNull();
        assertThat(Posix.passwdEntry(passwd, "+nis")).isNull();
        assertThat(Posix.passwdEntry(passwd, "x:0")).isNull();
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
        Posix.link("setgid", "umask");
        assertThat(Posix.linked("setgid")).isTrue();
        assertThat(Posix.linked("umask")).isTrue();
        Posix.link("no_such_call", "getpid");
        assertThat(Posix.linked("getpid")).isFalse(); // linking stopped at the unknown one (getpid: never called)
        Posix.setGid(Posix.gid());
        int before = Posix.umask(0022);
        assertThat(Posix.umask(before)).isEqualTo(0022);
    }
}
