package org.jexabgp.functional;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.jexabgp.reactor.Decode;
import org.jexabgp.reactor.EventContext;
import org.jspecify.annotations.Nullable;

/**
 * The BGP speaker the daemon talks to in a functional test. It answers the daemon's OPEN with the same capabilities
 * (router-id changed, ASN replaced when the scenario says so), answers KEEPALIVEs, and checks every other message
 * against the scenario's {@link Expectations}: groups in order, any order inside a group. Actions (send, signal,
 * close) are carried out when they reach the head of the current group. The first unexpected message ends the test,
 * reported as JSON (our own decoder) and hex, with what was still missing.
 */
public final class FakePeer implements AutoCloseable {
    /** Where a run stands. */
    public enum State {
        RUNNING,
        PASSED,
        FAILED
    }

    private final Expectations expectations;
    private final ServerSocket server;
    private final Consumer<String> signaller;
    private final Transcript transcript;
    private final Thread acceptor;
    private final List<Thread> readers = new ArrayList<>();

    // guarded by this
    private final List<List<Expectations.Item>> groups = new ArrayList<>();
    private int group;
    private State state = State.RUNNING;
    private String report = "";
    private int connections;
    private int messages;
    private @Nullable Socket current;
    private final List<Socket> sockets = new ArrayList<>();

    /**
     * @param port 0 for an ephemeral port (the runner), or a fixed one ({@code --server})
     * @param signaller delivers {@code signal} actions to the daemon
     * @param transcript where every message in and out is written (peer.log)
     */
    public FakePeer(Expectations expectations, int port, Consumer<String> signaller, Transcript transcript)
            throws IOException {
        this.expectations = expectations;
        this.signaller = signaller;
        this.transcript = transcript;
        for (Expectations.Group g : expectations.groups()) groups.add(new ArrayList<>(g.items()));
        InetAddress loopback = InetAddress.getByName(expectations.options().ipv6() ? "::1" : "127.0.0.1");
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(loopback, port), 8);
        this.acceptor = Thread.ofPlatform().daemon().name("peer-accept-" + port()).start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public String address() {
        return server.getInetAddress().getHostAddress();
    }

    public synchronized State state() {
        return state;
    }

    /** Why the test failed (empty while running or passed). */
    public synchronized String report() {
        return report;
    }

    public synchronized int connections() {
        return connections;
    }

    /** Waits until the peer reached a verdict or the deadline (System.nanoTime) passed; returns the state. */
    public synchronized State await(long deadlineNanos) throws InterruptedException {
        while (state == State.RUNNING) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) break;
            wait(Math.max(1, left / 1_000_000));
        }
        return state;
    }

    /** What the peer was still waiting for: for timeouts and early daemon exits. */
    public synchronized String waitingFor() {
        if (state != State.RUNNING) return state.name().toLowerCase(java.util.Locale.ROOT);
        StringBuilder s = new StringBuilder();
        if (connections == 0) return "the daemon never connected";
        int left = 0;
        for (int g = group; g < groups.size(); g++) left += groups.get(g).size();
        s.append(left).append(" item(s) not seen, in group ").append(expectations.groups().get(group).number())
                .append(" (").append(group + 1).append(" of ").append(groups.size()).append("): ");
        s.append(describe(groups.get(group)));
        s.append("; ").append(connections).append(" connection(s), ").append(messages).append(" message(s) checked");
        return s.toString();
    }

    private static String describe(List<Expectations.Item> items) {
        StringBuilder s = new StringBuilder();
        for (Expectations.Item item : items) {
            if (!s.isEmpty()) s.append(", ");
            s.append("line ").append(item.line()).append(' ');
            s.append(switch (item) {
                case Expectations.Item.Expect e -> e.message().typeName() + (e.note().isEmpty() ? "" : " (" + e.note() + ")");
                case Expectations.Item.Send x -> "send " + x.message().typeName();
                case Expectations.Item.Signal x -> "signal " + x.name();
                case Expectations.Item.Close x -> "close";
            });
        }
        return s.toString();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            synchronized (this) {
                connections++;
                current = s;
                sockets.add(s);
                transcript.line("peer", "connection " + connections + " from " + s.getRemoteSocketAddress());
                Thread t = Thread.ofPlatform().daemon().name("peer-read-" + connections).start(() -> session(s));
                readers.add(t);
            }
        }
    }

    private void session(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            boolean first = true;
            while (true) {
                byte[] header = new byte[19];
                in.readFully(header);
                for (int i = 0; i < 16; i++)
                    if (header[i] != (byte) 0xFF) {
                        fail("bad marker in a message header: " + HexFormat.of().formatHex(header));
                        return;
                    }
                int length = (header[16] & 0xFF) << 8 | (header[17] & 0xFF);
                if (length < 19) {
                    fail("bad length " + length + " in a message header");
                    return;
                }
                byte[] body = new byte[length - 19];
                in.readFully(body);
                Expectations.Message m = new Expectations.Message(header[18] & 0xFF, HexFormat.of().formatHex(body));
                transcript.line("recv", m.hex());
                if (first) {
                    first = false;
                    if (m.type() != 1) {
                        fail("the first message of a session is not an OPEN: " + m);
                        return;
                    }
                    write(out, reply(m));
                    write(out, new Expectations.Message(4, ""));
                    for (Expectations.Message after : expectations.options().afterOpen()) write(out, after);
                    synchronized (this) {
                        if (expectations.options().inspectOpen()) check(m, s, out);
                        runActions(s, out);
                    }
                    continue;
                }
                if (m.type() == 4) {
                    write(out, new Expectations.Message(4, ""));
                    continue;
                }
                synchronized (this) {
                    check(m, s, out);
                }
            }
        } catch (EOFException e) {
            transcript.line("peer", "the daemon closed the session");
        } catch (IOException e) {
            transcript.line("peer", "session ended: " + e.getMessage());
        } finally {
            synchronized (this) {
                if (current == s) current = null;
                notifyAll();
            }
        }
    }

    /** One received message against the current group; called with the lock held. */
    private void check(Expectations.Message m, Socket s, OutputStream out) throws IOException {
        if (state == State.FAILED) return;
        messages++;
        if (state == State.PASSED) {
            if (expectations.options().eorAfter() && isEndOfRib(m)) {
                transcript.line("peer", "End-of-RIB after the last group: tolerated");
                return;
            }
            fail("unexpected message after the last group\n" + show("received", m));
            return;
        }
        List<Expectations.Item> items = groups.get(group);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Expectations.Item.Expect e && e.message().equals(m)) {
                items.remove(i);
                transcript.line("peer", "matched line " + e.line());
                runActions(s, out);
                return;
            }
        }
        StringBuilder r = new StringBuilder("unexpected message in group ")
                .append(expectations.groups().get(group).number()).append(" (").append(group + 1).append(" of ")
                .append(groups.size()).append(")\n").append(show("received", m));
        items.stream()
                .filter(x -> x instanceof Expectations.Item.Expect)
                .map(x -> (Expectations.Item.Expect) x)
                .filter(x -> x.message().type() == m.type())
                .findFirst()
                .ifPresent(x -> r.append(show("expected (line " + x.line() + ")", x.message())));
        r.append("still missing: ").append(describe(items));
        fail(r.toString());
    }

    /** Carries out the actions at the head of the current group, moving on over finished groups. */
    private void runActions(Socket s, OutputStream out) throws IOException {
        while (state == State.RUNNING) {
            if (group < groups.size() && groups.get(group).isEmpty()) {
                group++;
                continue;
            }
            if (group >= groups.size()) {
                state = State.PASSED;
                transcript.line("peer", "PASS: every expected message was seen");
                notifyAll();
                return;
            }
            Expectations.Item head = groups.get(group).getFirst();
            switch (head) {
                case Expectations.Item.Expect e -> {
                    return;
                }
                case Expectations.Item.Send x -> write(out, x.message());
                case Expectations.Item.Signal x -> {
                    transcript.line("peer", "signal " + x.name());
                    signaller.accept(x.name());
                }
                case Expectations.Item.Close x -> {
                    transcript.line("peer", "closing the session (line " + x.line() + ")");
                    s.close();
                }
            }
            groups.get(group).removeFirst();
        }
    }

    private void fail(String why) {
        synchronized (this) {
            if (state == State.FAILED) return;
            state = State.FAILED;
            report = why;
            transcript.line("peer", "FAIL: " + why);
            notifyAll();
        }
    }

    private void write(OutputStream out, Expectations.Message m) throws IOException {
        synchronized (out) {
            out.write(m.toArray());
            out.flush();
        }
        transcript.line("sent", m.hex());
    }

    /** An UPDATE with no withdrawn routes and no attributes, or only an empty MP_UNREACH (RFC 4724 §2). */
    static boolean isEndOfRib(Expectations.Message m) {
        if (m.type() != 2) return false;
        String b = m.bodyHex();
        return b.equals("00000000")
                || (b.length() == 20 && b.startsWith("00000006800F03"))
                || (b.length() == 22 && b.startsWith("00000007900F0003"));
    }

    /**
     * Our OPEN (RFC 4271 §4.2): the daemon's own, with the last octet of the BGP identifier incremented (two speakers
     * must not share one, RFC 6286 §2.2) and, with {@code option peer-as}, that ASN in My Autonomous System (AS_TRANS
     * when it does not fit, RFC 6793 §4.1) and in every 4-octet ASN capability (code 65). With {@code option
     * unknown-capability}, one more parameter carries capability 240 (private use, RFC 5492 §4), which the daemon must
     * ignore.
     */
    Expectations.Message reply(Expectations.Message theirs) {
        byte[] b = HexFormat.of().parseHex(theirs.bodyHex());
        if (b.length < 10) return theirs;
        Long asn = expectations.options().peerAs();
        if (asn != null) {
            long two = asn > 0xFFFF ? 23456 : asn;
            b[1] = (byte) (two >> 8);
            b[2] = (byte) two;
        }
        b[8] = (byte) (b[8] + 1);
        int end = Math.min(b.length, 10 + (b[9] & 0xFF));
        for (int at = 10; at + 2 <= end; at += 2 + (b[at + 1] & 0xFF)) {
            int type = b[at] & 0xFF;
            int len = b[at + 1] & 0xFF;
            for (int c = at + 2; type == 2 && c + 2 <= Math.min(end, at + 2 + len); c += 2 + (b[c + 1] & 0xFF)) {
                if ((b[c] & 0xFF) == 65 && (b[c + 1] & 0xFF) == 4 && asn != null && c + 6 <= b.length) {
                    for (int k = 0; k < 4; k++) b[c + 2 + k] = (byte) (asn >> (24 - 8 * k));
                }
                // ADD-PATH tuples are AFI(2) SAFI(1) mode(1); mode 1 receive, 2 send, 3 both (RFC 7911 §4)
                if ((b[c] & 0xFF) == 69 && expectations.options().mirrorAddPath()) {
                    int stop = Math.min(b.length, c + 2 + (b[c + 1] & 0xFF));
                    for (int m = c + 5; m < stop; m += 4) {
                        int mode = b[m] & 0xFF;
                        if (mode == 1 || mode == 2) b[m] = (byte) (3 - mode);
                    }
                }
            }
        }
        String body = HexFormat.of().formatHex(b);
        List<String> extra = new ArrayList<>(expectations.options().peerCapabilities());
        if (expectations.options().unknownCapability())
            extra.add("F0" + "07" + HexFormat.of().formatHex("jexabgp".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        for (String cap : extra) {
            // each capability in its own optional parameter (RFC 5492 §4), like the daemon's own OPEN
            String param = "02" + String.format("%02X", cap.length() / 2) + cap;
            int params = Integer.parseInt(body.substring(18, 20), 16) + param.length() / 2;
            body = body.substring(0, 18) + String.format("%02X", params) + body.substring(20) + param;
        }
        return new Expectations.Message(1, body);
    }

    /** A message as our own decoder sees it (JSON, json.md §9) and as hex, for reports. */
    static String show(String label, Expectations.Message m) {
        String json;
        try {
            EventContext context = new EventContext("functional", 0, 0, () -> 0.0);
            Decode.Kind kind = m.type() == 1 ? Decode.Kind.OPEN : Decode.Kind.UPDATE;
            json = switch (m.type() == 1 || m.type() == 2 ? Decode.run(context, m.hex(), null, kind, false) : null) {
                case Decode.Result.Json j -> j.line();
                case Decode.Result.Invalid i -> "(our decoder: " + i.reason() + ")";
                case null -> "(" + m.typeName() + ", not decoded)";
            };
        } catch (RuntimeException e) {
            json = "(our decoder failed: " + e + ")";
        }
        return "  " + label + " json: " + json + "\n  " + label + " hex:  " + m.hex() + "\n";
    }

    /** Closes the listening socket and every session; waits (bounded) for the readers to finish. */
    @Override
    public void close() throws InterruptedException {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        List<Thread> threads;
        List<Socket> open;
        synchronized (this) {
            threads = List.copyOf(readers);
            open = List.copyOf(sockets);
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        acceptor.join(2000);
        for (Thread t : threads) t.join(2000);
    }

    /** Waits (bounded) for the sessions' readers to see the end of their streams: the daemon has gone. */
    public void drain(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        List<Thread> threads;
        synchronized (this) {
            threads = List.copyOf(readers);
        }
        for (Thread t : threads) t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
}
