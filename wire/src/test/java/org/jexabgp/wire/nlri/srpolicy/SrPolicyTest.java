package org.jexabgp.wire.nlri.srpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Families;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Generators;
import org.jexabgp.wire.IpAddress;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.MpReach;
import org.jexabgp.wire.message.DecodedUpdate;
import org.jexabgp.wire.message.UpdateCodec;
import org.jexabgp.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

/** SR Policy NLRI, RFC 9830 §2.1: hex ↔ value ↔ JSON, in and out of MP_REACH. */
class SrPolicyTest {
    private static final Negotiated SESSION =
            Negotiated.standalone(1, 1, List.of(SrPolicyFamily.IPV4, SrPolicyFamily.IPV6));

    // RFC 9830 §2.1: 60 = 96 bits, distinguisher 1, color 100 (0x64), endpoint 10.0.0.1
    static final String V4 = "60 00000001 00000064 0A000001";
    // C0 = 192 bits, distinguisher 2, color 200 (0xC8), endpoint 2001:db8::2
    static final String V6 = "C0 00000002 000000C8 20010DB8000000000000000000000002";

    static Nlri decode(String hex, Family family) throws Malformed {
        return Families.ALL.get(family).nlri().decode(Bytes.fromHex(hex).reader(), family, 0, SESSION);
    }

    static String hex(Nlri n) {
        WireWriter w = new WireWriter();
        n.encode(w, false);
        return w.toBytes().hex();
    }

    static String json(Nlri n) {
        TestJsonSink s = new TestJsonSink();
        n.json(s, false);
        return s.toString();
    }

    @Test
    void ipv4() throws Malformed {
        Nlri n = decode(V4, SrPolicyFamily.IPV4);
        assertThat(n).isEqualTo(new SrPolicy(SrPolicyFamily.IPV4, 1, 100, IpAddress.parse("10.0.0.1")));
        assertThat(hex(n)).isEqualTo(Bytes.fromHex(V4).hex());
        assertThat(json(n)).isEqualTo("{\"distinguisher\":1,\"color\":100,\"endpoint\":\"10.0.0.1\"}");
        assertThat(n.text()).isEqualTo("sr-policy distinguisher 1 color 100 endpoint 10.0.0.1");
        assertThat(n.family().name()).isEqualTo("ipv4 sr-policy");
    }

    @Test
    void ipv6() throws Malformed {
        Nlri n = decode(V6, SrPolicyFamily.IPV6);
        assertThat(n).isEqualTo(new SrPolicy(SrPolicyFamily.IPV6, 2, 200, IpAddress.parse("2001:db8::2")));
        assertThat(hex(n)).isEqualTo(Bytes.fromHex(V6).hex());
        assertThat(json(n)).isEqualTo("{\"distinguisher\":2,\"color\":200,\"endpoint\":\"2001:db8::2\"}");
        assertThat(n.family().name()).isEqualTo("ipv6 sr-policy");
    }

    @Test
    void wrongLengthsAreNlriErrors() {
        // RFC 9830 §2.1: an IPv4 family takes 96 bits only, IPv6 192 only; RFC 7606 §5.3: 3/10
        assertThatThrownBy(() -> decode(V6, SrPolicyFamily.IPV4))
                .isInstanceOfSatisfying(Malformed.class, m -> assertThat(m.subcode()).isEqualTo(10));
        assertThatThrownBy(() -> decode(V4, SrPolicyFamily.IPV6)).isInstanceOf(Malformed.class);
        assertThatThrownBy(() -> decode("60 00000001 00000064 0A00", SrPolicyFamily.IPV4))
                .isInstanceOf(Malformed.class);
        assertThatThrownBy(() -> decode("", SrPolicyFamily.IPV4)).isInstanceOf(Malformed.class);
    }

    @Test
    void inMpReach() throws Malformed {
        // RFC 4760 §3: 80 0E 16 (22) | AFI 0001 SAFI 49 | next hop 04 C0000201 | reserved 00 | the NLRI (13 bytes)
        String mp = "800E16 0001 49 04 C0000201 00 " + V4;
        String attrs = "40010100" + "400200" + mp;
        String body = "0000" + String.format("%04X", Bytes.fromHex(attrs).length()) + attrs;
        DecodedUpdate d = UpdateCodec.decode(Bytes.fromHex(body).reader(), SESSION);
        MpReach r = d.update().find(MpReach.class);
        assertThat(r.nlris()).containsExactly(new SrPolicy(SrPolicyFamily.IPV4, 1, 100, IpAddress.parse("10.0.0.1")));
        assertThat(UpdateCodec.encode(d.update(), SESSION).hex()).isEqualTo(Bytes.fromHex(body).hex());
    }

    @Test
    void roundTrip() throws Malformed {
        long seed = Generators.seed();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            Family f = r.nextBoolean() ? SrPolicyFamily.IPV4 : SrPolicyFamily.IPV6;
            SrPolicy p = SrPolicyGenerators.srPolicy(r, f);
            assertThat(decode(hex(p), f)).as("seed %d", seed).isEqualTo(p);
        }
    }
}
