package org.jexabgp.daemon;

import java.net.InetSocketAddress;
import org.jexabgp.wire.IpAddress;

/** {@code metrics.listen}: {@code host:port}, {@code [v6]:port} or {@code :port} (every address). */
final class MetricsAddress {
    private MetricsAddress() {}

    static InetSocketAddress parse(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException("metrics.listen must be host:port, not " + text);
        String host = t.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metrics.listen: invalid port in " + text);
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("metrics.listen: invalid port in " + text);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty()) return new InetSocketAddress(port);
        // an address, never a name: the daemon does no DNS (and must not block starting on it)
        IpAddress ip = IpAddress.tryParse(host);
        if (ip == null) throw new IllegalArgumentException("metrics.listen: " + host + " is not an IP address");
        try {
            return new InetSocketAddress(java.net.InetAddress.getByAddress(ip.bytes().toArray()), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("metrics.listen: " + host, e);
        }
    }
}
