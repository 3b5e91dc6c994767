package org.jexabgp.wire.nlri.inet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.message.Update;
import org.jexabgp.wire.message.UpdateCodec;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.Prefix;
import org.junit.jupiter.api.Test;

class InetPrefixesTest {
    static final Negotiated SESSION = Negotiated.standalone(1, 2, List.of(Family.IPV4_UNICAST));

    private record Seen(long pathId, int length, int address) {}

    private static List<Seen> walk(InetPrefixes p) {
        List<Seen> out = new ArrayList<>();
        p.forEach((pathId, length, address) -> out.add(new Seen(pathId, length, address)));
        return out;
    }

    @Test
    void goldenBlockWalkedAndReadAsRecords() throws Malformed {
        // RFC 4271 §4.3: length in bits, then ceil(len/8) bytes: 10.0.0.0/24, 1.0.64.0/18, 0.0.0.0/0, 192.0.2.1/32
        Bytes block = Bytes.fromHex("18 0A0000" + "12 010040" + "00" + "20 C0000201");
        WireReader in = block.reader();
        InetPrefixes p = InetPrefixes.decode(in, Family.IPV4_UNICAST, false);
        assertThat(in.hasRemaining()).isFalse();
        assertThat(p).hasSize(4);
        assertThat(walk(p)).containsExactly(
                new Seen(0, 24, 0x0A000000), new Seen(0, 18, 0x01004000), new Seen(0, 0, 0),
                new Seen(0, 32, 0xC0000201));
        assertThat(p).extracting(Nlri::text).containsExactly("10.0.0.0/24", "1.0.64.0/18", "0.0.0.0/0", "192.0.2.1/32");
        // the list equals the record form element by element, both ways
        List<Nlri> records = List.of(
                InetNlri.of(Family.IPV4_UNICAST, "10.0.0.0/24"), InetNlri.of(Family.IPV4_UNICAST, "1.0.64.0/18"),
                InetNlri.of(Family.IPV4_UNICAST, "0.0.0.0/0"), InetNlri.of(Family.IPV4_UNICAST, "192.0.2.1/32"));
        assertThat(p).isEqualTo(records);
        assertThat(records).isEqualTo(p);
        assertThat(p.hashCode()).isEqualTo(records.hashCode());
    }

    @Test
    void pathIdsComeFirstAndShowInJson() throws Malformed {
        // RFC 7911 §3 (wire.md §5, conf-path-information): 00000001 20 0A00000A = path 1, 10.0.0.10/32
        InetPrefixes p = InetPrefixes.decode(Bytes.fromHex("00000001 20 0A00000A").reader(), Family.IPV4_UNICAST, true);
        assertThat(walk(p)).containsExactly(new Seen(1, 32, 0x0A00000A));
        assertThat(p.getFirst()).isEqualTo(new InetNlri(Family.IPV4_UNICAST, Prefix.parse("10.0.0.10/32"), 1));
        // json.md §5.6: one object per prefix, the path id as a dotted quad
        TestJsonSink s = new TestJsonSink();
        s.beginArray();
        p.json(s, true);
        s.endArray();
        assertThat(s.toString()).isEqualTo("[{\"nlri\":\"10.0.0.10/32\",\"path-information\":\"0.0.0.1\"}]");
    }

    @Test
    void hostBitsAreKeptAsReceived() throws Malformed {
        // /20 of 10.1.31.0: the 4 bits past the mask in the third byte are on the wire, and stay (as InetNlri.decode)
        InetPrefixes p = InetPrefixes.decode(Bytes.fromHex("14 0A011F").reader(), Family.IPV4_UNICAST, false);
        assertThat(walk(p)).containsExactly(new Seen(0, 20, 0x0A011F00));
        assertThat(p.getFirst().text()).isEqualTo("10.1.31.0/20");
    }

    @Test
    void seededRoundTripAgainstTheRecordDecoder() throws Malformed {
        for (long seed = 0; seed < 200; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            boolean pathIds = r.nextBoolean();
            WireWriter w = new WireWriter();
            List<Nlri> expected = new ArrayList<>();
            int n = r.nextInt(0, 60);
            for (int i = 0; i < n; i++) {
                int len = r.nextInt(0, 33);
                long mask = len == 0 ? 0 : 0xFFFFFFFFL << (32 - len) & 0xFFFFFFFFL;
                long address = r.nextLong(0, 1L << 32) & mask;
                long pathId = pathIds ? r.nextLong(0, 1L << 32) : 0;
                InetNlri nlri = new InetNlri(
                        Family.IPV4_UNICAST, new Prefix(org.jexabgp.wire.IpAddress.v4(address), len), pathId);
                nlri.encode(w, pathIds);
                expected.add(nlri);
            }
            Bytes wire = w.toBytes();
            InetPrefixes p = InetPrefixes.decode(wire.reader(), Family.IPV4_UNICAST, pathIds);
            assertThat(p).as("seed %d", seed).isEqualTo(expected);
            List<Seen> seen = walk(p);
            for (int i = 0; i < n; i++) {
                InetNlri e = (InetNlri) expected.get(i);
                assertThat(seen.get(i)).as("seed %d #%d", seed, i).isEqualTo(new Seen(
                        e.pathId(), e.prefix().length(), (int) e.prefix().address().v4Value()));
            }
            // the generic walk over records agrees with the byte walk
            List<Seen> fromRecords = new ArrayList<>();
            InetPrefixes.forEach(expected, (pathId, length, address) -> fromRecords.add(new Seen(pathId, length,
                    address)));
            assertThat(fromRecords).as("seed %d", seed).isEqualTo(seen);
            // JSON from the bytes equals each record's own JSON
            TestJsonSink fast = new TestJsonSink();
            TestJsonSink slow = new TestJsonSink();
            fast.beginArray();
            slow.beginArray();
            p.json(fast, pathIds);
            for (Nlri x : expected) x.json(slow, pathIds);
            fast.endArray();
            slow.endArray();
            assertThat(fast.toString()).as("seed %d", seed).isEqualTo(slow.toString());
        }
    }

    @Test
    void decodedUpdatesKeepTheBlockUncopied() throws Malformed {
        // RFC 4271 §4.3 body: withdrawn length 1, 0.0.0.0/0; 14 bytes of attributes: ORIGIN IGP, AS_PATH empty,
        // NEXT_HOP 10.0.0.1; NLRI 10.0.0.0/24 and 10.0.1.0/24
        Bytes body = Bytes.fromHex("0001 00" + "000E" + "40010100" + "400200" + "400304 0A000001"
                + "18 0A0000" + "18 0A0001");
        Update u = UpdateCodec.decode(body.reader(), SESSION).update();
        assertThat(u.announced()).isInstanceOf(InetPrefixes.class).extracting(Nlri::text)
                .containsExactly("10.0.0.0/24", "10.0.1.0/24");
        assertThat(u.withdrawn()).isInstanceOf(InetPrefixes.class).extracting(Nlri::text).containsExactly("0.0.0.0/0");
        // the JSON renderer's fast path sees the block itself, not a copy made of records
        assertThat(u.announcements().getFirst().nlris()).isSameAs(u.announced());
        assertThat(u.withdrawals().getFirst().nlris()).isSameAs(u.withdrawn());
        // equal to the same update built from records
        Family f = Family.IPV4_UNICAST;
        assertThat(u).isEqualTo(new Update(List.of(InetNlri.of(f, "0.0.0.0/0")), u.attributes(),
                List.of(InetNlri.of(f, "10.0.0.0/24"), InetNlri.of(f, "10.0.1.0/24"))));
    }

    @Test
    void readsACopyNotTheCallersBuffer() throws Malformed {
        byte[] buffer = Bytes.fromHex("18 0A0000").toArray();
        InetPrefixes p = InetPrefixes.decode(WireReader.of(buffer), Family.IPV4_UNICAST, false);
        buffer[1] = 99; // the receive buffer is reused for the next message
        assertThat(p.getFirst().text()).isEqualTo("10.0.0.0/24");
    }

    @Test
    void malformedBlocksGetTheirVerdict() {
        // RFC 4271 §6.3: a mask past 32 bits is an invalid network field (3/10)
        assertThatThrownBy(() -> InetPrefixes.decode(Bytes.fromHex("21 0A000000 00").reader(), Family.IPV4_UNICAST,
                        false))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.code() * 100 + m.subcode()).isEqualTo(310));
        // RFC 7606 §5.3: a prefix cut short cannot be located: malformed attribute list (3/1)
        assertThatThrownBy(() -> InetPrefixes.decode(Bytes.fromHex("18 0A0000 18 0A00").reader(),
                        Family.IPV4_UNICAST, false))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.code() * 100 + m.subcode()).isEqualTo(301));
        // a path identifier cut short, likewise
        assertThatThrownBy(() -> InetPrefixes.decode(Bytes.fromHex("000000").reader(), Family.IPV4_UNICAST, true))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.code() * 100 + m.subcode()).isEqualTo(301));
    }

    @Test
    void randomBytesNeverThrowUnchecked() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[r.nextInt(0, 24)];
            for (int j = 0; j < junk.length; j++) junk[j] = (byte) r.nextInt(256);
            try {
                InetPrefixes p = InetPrefixes.decode(WireReader.of(junk), Family.IPV4_UNICAST, r.nextBoolean());
                assertThat(p.size()).isEqualTo(walk(p).size());
                assertThat(new ArrayList<>(p)).hasSize(p.size());
            } catch (Malformed expected) {
                assertThat(expected.code()).as("case %d", i).isEqualTo(3);
            }
        }
    }
}
