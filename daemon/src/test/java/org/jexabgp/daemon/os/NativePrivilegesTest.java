package org.jexabgp.daemon.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The privilege drop's JNI library, as the build compiles it and the launcher names it (surefire gives its path): it
 * loads, and its calls do what the C library's do, here with the ids the process has (allowed to anyone, no change).
 */
class NativePrivilegesTest {
    @Test
    void theBuildsLibraryLoadsAndItsCallsWork() throws IOException {
        String library = System.getProperty(NativePrivileges.PROPERTY);
        assertThat(library).as("set by the build").isNotBlank();
        assertThat(Path.of(library)).exists();
        assertThat(NativePrivileges.available()).isTrue();
        int uid = Posix.uid();
        int gid = Posix.gid();
        assertThat(NativePrivileges.setgid(gid)).isZero();
        assertThat(NativePrivileges.setuid(uid)).isZero();
        // through Posix, as the privilege drop calls them
        Posix.setGid(gid);
        Posix.setUid(uid);
        assertThat(Posix.credentials())
                .isEqualTo(new Posix.Credentials(uid, uid, gid, !PosixTest.status("Groups").isEmpty()));
        if (uid == 0) {
            // root may set its supplementary groups: to its own group alone
            Posix.setGroups(gid);
            assertThat(PosixTest.status("Groups")).isEqualTo(String.valueOf(gid));
        } else {
            // a user without CAP_SETGID may not: the errno comes back
            assertThat(NativePrivileges.setgroups(gid)).isNotZero();
        }
    }
}
