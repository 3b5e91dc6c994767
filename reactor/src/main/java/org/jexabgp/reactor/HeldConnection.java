package org.jexabgp.reactor;

import java.util.Arrays;
import org.jexabgp.wire.IpAddress;

/**
 * A second connection from a peer whose session is in OPENSENT or OPENCONFIRM on another one (RFC 4271 §6.8): nothing
 * is sent on it and what the peer sends is kept, until a BGP identifier decides which of the two survives. The peer
 * sends its OPEN at once and waits for ours, so holding costs it nothing.
 */
final class HeldConnection {
    final ConnKey conn;
    final IpAddress local;
    final IpAddress remote;
    byte[] bytes = new byte[64];
    int length;

    HeldConnection(ConnKey conn, IpAddress local, IpAddress remote) {
        this.conn = conn;
        this.local = local;
        this.remote = remote;
    }

    void append(byte[] data, int offset, int count) {
        if (length + count > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        System.arraycopy(data, offset, bytes, length, count);
        length += count;
    }
}
