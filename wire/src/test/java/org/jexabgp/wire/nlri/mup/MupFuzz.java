package org.jexabgp.wire.nlri.mup;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.NlriCodec;
import org.jexabgp.wire.nlri.mvpn.McastVpn;
import org.jexabgp.wire.nlri.mvpn.McastVpnFamily;
import org.jexabgp.wire.nlri.vpls.Vpls;
import org.jexabgp.wire.nlri.vpls.VplsFamily;

/**
 * One MUP, MCAST-VPN or VPLS NLRI: the first byte picks codec and AFI (bits 0-1: MUP, MVPN, VPLS; bit 2: IPv6), the
 * rest is the NLRI. No unchecked exception; what decodes re-encodes to the bytes it consumed and renders.
 */
class MupFuzz {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of());

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        if (data.length == 0) return;
        boolean v6 = (data[0] & 4) != 0;
        Family family;
        NlriCodec codec;
        switch (data[0] & 3) {
            case 0 -> {
                family = v6 ? MupFamily.IPV6 : MupFamily.IPV4;
                codec = Mup.CODEC;
            }
            case 1 -> {
                family = v6 ? McastVpnFamily.IPV6 : McastVpnFamily.IPV4;
                codec = McastVpn.CODEC;
            }
            default -> {
                family = VplsFamily.FAMILY;
                codec = Vpls.CODEC;
            }
        }
        WireReader in = new WireReader(data, 1, data.length);
        Nlri n;
        try {
            n = codec.decode(in, family, 0, SESSION);
        } catch (Malformed expected) {
            return;
        }
        String input = HexFormat.of().formatHex(data);
        WireWriter w = new WireWriter();
        n.encode(w, false);
        Nlri again;
        try {
            again = codec.decode(w.toBytes().reader(), family, 0, SESSION);
        } catch (Malformed e) {
            throw new AssertionError("re-encoding of " + input + " does not decode: " + e.getMessage());
        }
        assertThat(again).as("input %s", input).isEqualTo(n);
        TestJsonSink.object(s -> n.json(s, false));
        n.text();
        n.key();
    }
}
