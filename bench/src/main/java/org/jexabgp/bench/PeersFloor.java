package org.jexabgp.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The least a JVM can do for the harness's {@code peers} scenario, to know what the daemon's figure is made of (issue
 * 9): it reads the neighbours' addresses and the feed's route count from the harness's configuration, connects to
 * every neighbour, sends an OPEN, and once the neighbour's OPEN arrives sends a KEEPALIVE, the same prebuilt UPDATEs
 * (the feed's /24s from 20.0.0.0, next hop 127.0.1.2) and an End-of-RIB. No configuration language, no program, no
 * RIB, no checks, no KEEPALIVEs after the first (a run must end within the hold time): a measuring stick, not a
 * speaker. Only the JDK is used. Run as the harness's daemon:
 * {@code --daemon-cmd "java -XX:+UseSerialGC -cp bench/target/benchmarks.jar org.jexabgp.bench.PeersFloor"}.
 */
public final class PeersFloor {
    private static final byte[] KEEPALIVE = header(19, 4);

    private PeersFloor() {}

    public static void main(String[] args) throws IOException {
        String conf = Files.readString(Path.of(args[args.length - 1]));
        int port = Integer.parseInt(System.getenv().getOrDefault("exabgp_tcp_port", "179"));
        List<String> neighbors = new ArrayList<>();
        Matcher m = Pattern.compile("neighbor (\\S+) \\{").matcher(conf);
        while (m.find()) neighbors.add(m.group(1));
        Matcher k = Pattern.compile("--announce (\\d+)").matcher(conf);
        byte[] updates = updates(k.find() ? Integer.parseInt(k.group(1)) : 1000);
        byte[] open = open();
        try (Selector selector = Selector.open()) {
            for (String address : neighbors) {
                SocketChannel ch = SocketChannel.open();
                ch.configureBlocking(false);
                ch.bind(new InetSocketAddress("127.0.1.2", 0));
                ch.connect(new InetSocketAddress(address, port));
                ch.register(selector, SelectionKey.OP_CONNECT, new ArrayDeque<ByteBuffer>());
            }
            ByteBuffer in = ByteBuffer.allocate(65536);
            while (true) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) serve(key, in, open, updates);
                selector.selectedKeys().clear();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void serve(SelectionKey key, ByteBuffer in, byte[] open, byte[] updates) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        ArrayDeque<ByteBuffer> out = (ArrayDeque<ByteBuffer>) key.attachment();
        try {
            if (key.isConnectable() && ch.finishConnect()) {
                out.add(ByteBuffer.wrap(open));
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isReadable()) {
                in.clear();
                int n = ch.read(in);
                if (n < 0) {
                    ch.close();
                    return;
                }
                if (n >= 19 && in.get(18) == 1) { // the neighbour's OPEN (it comes first, alone or with more)
                    out.add(ByteBuffer.wrap(KEEPALIVE));
                    out.add(ByteBuffer.wrap(updates));
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
            }
            if (key.isValid() && key.isWritable()) {
                while (!out.isEmpty()) {
                    ch.write(out.peek());
                    if (out.peek().hasRemaining()) return;
                    out.poll();
                }
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            ch.close();
        }
    }

    private static byte[] header(int length, int type) {
        byte[] b = new byte[length];
        for (int i = 0; i < 16; i++) b[i] = (byte) 0xff;
        b[16] = (byte) (length >> 8);
        b[17] = (byte) length;
        b[18] = (byte) type;
        return b;
    }

    /** AS 65000, hold time 180, identifier 127.0.1.2; capabilities: IPv4 unicast, four-octet AS 65000. */
    private static byte[] open() {
        byte[] capabilities = {2, 6, 1, 4, 0, 1, 0, 1, 2, 6, 65, 4, 0, 0, (byte) 0xfd, (byte) 0xe8};
        byte[] b = header(19 + 10 + capabilities.length, 1);
        ByteBuffer.wrap(b, 19, 10 + capabilities.length).put((byte) 4).putShort((short) 65000).putShort((short) 180)
                .put(new byte[] {127, 0, 1, 2}).put((byte) capabilities.length).put(capabilities);
        return b;
    }

    /** UPDATEs of at most 4096 bytes: ORIGIN IGP, AS_PATH 65000, NEXT_HOP 127.0.1.2, then the End-of-RIB. */
    private static byte[] updates(int routes) {
        byte[] attributes = {0x40, 1, 1, 0, 0x40, 2, 6, 2, 1, 0, 0, (byte) 0xfd, (byte) 0xe8, 0x40, 3, 4, 127, 0, 1, 2};
        int perUpdate = (4096 - 19 - 4 - attributes.length) / 4;
        ByteBuffer out = ByteBuffer.allocate(routes * 4 + (routes / perUpdate + 2) * (23 + attributes.length));
        for (int i = 0; i < routes; ) {
            int count = Math.min(routes - i, perUpdate);
            out.put(header(19 + 4 + attributes.length + count * 4, 2), 0, 19).putShort((short) 0)
                    .putShort((short) attributes.length).put(attributes);
            for (int j = 0; j < count; j++, i++) {
                int a = (20 << 24) + (i << 8);
                out.put((byte) 24).put((byte) (a >>> 24)).put((byte) (a >>> 16)).put((byte) (a >>> 8));
            }
        }
        out.put(header(23, 2));
        byte[] b = new byte[out.position()];
        out.flip().get(b);
        return b;
    }
}
