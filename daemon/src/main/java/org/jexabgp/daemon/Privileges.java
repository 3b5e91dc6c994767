package org.jexabgp.daemon;

import java.io.IOException;
import org.jexabgp.daemon.os.Posix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dropping root to {@code daemon.user} once the sockets listen (runtime.md §5.1 step 6, §6): only when started as root
 * (uid or gid 0); supplementary groups first (when there are any: a daemon usually starts with none, and then links
 * no setgroups call, issue 9), then the group, then the user — after setuid the others are no longer allowed. The
 * result is checked, as ExaBGP does: any id left different from the user's refuses to run.
 */
final class Privileges {
    private static final Logger LOG = LoggerFactory.getLogger("exabgp.daemon");

    /** Could not become the user: the daemon refuses to run as root. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private Privileges() {}

    static void drop(String userName) throws Refused {
        try {
            Posix.Credentials before = Posix.credentials();
            int uid = before.uid();
            int gid = before.gid();
            if (uid != 0 && gid != 0) return; // nothing to drop
            Posix.User user = Posix.user(userName);
            if (user == null) throw new IOException("no such user");
            if (uid == 0 && before.supplementaryGroups()) Posix.setGroups(user.gid());
            if (gid == 0) Posix.setGid(user.gid());
            if (uid == 0) Posix.setUid(user.uid());
            Posix.Credentials after = Posix.credentials();
            if (after.uid() != user.uid() || after.euid() != user.uid() || after.gid() != user.gid())
                throw new IOException("ids are " + after.uid() + "/" + after.euid() + "/" + after.gid());
            if (user.uid() != uid) LOG.info("dropped privileges to {} (uid {} gid {})", userName, user.uid(), user.gid());
        } catch (IOException e) {
            throw new Refused("could not drop privileges to '" + userName + "' refusing to run as root ("
                    + e.getMessage() + ")");
        }
    }
}
