package org.jexabgp.wire.nlri.bgpls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;
import java.util.List;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.LinkState;
import org.jexabgp.wire.nlri.Nlri;

/**
 * A BGP-LS NLRI (first byte even: bgp-ls, odd: bgp-ls-vpn) and the same bytes as a BGP-LS attribute body: no
 * unchecked exception, re-encoding gives the bytes consumed, rendering never fails.
 */
class BgpLsFuzz {
    private static final Negotiated SESSION = Negotiated.standalone(1, 1, List.of());

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        if (data.length == 0) return;
        String input = HexFormat.of().formatHex(data);
        WireReader in = new WireReader(data, 1, data.length);
        try {
            Nlri n = BgpLs.CODEC.decode(
                    in, (data[0] & 1) == 0 ? BgpLsFamily.BGP_LS : BgpLsFamily.BGP_LS_VPN, 0, SESSION);
            WireWriter w = new WireWriter();
            n.encode(w, false);
            assertThat(w.toBytes().hex().toLowerCase()).as(input).isEqualTo(input.substring(2, 2 * in.position()));
            n.json(new TestJsonSink(), false, "1.2.3.4");
        } catch (Malformed expected) {
            // not an NLRI; still try the attribute
        }
        try {
            LinkState ls = LinkState.decode(new WireReader(data, 1, data.length));
            TestJsonSink s = new TestJsonSink();
            s.beginObject();
            ls.json(s);
            s.endObject();
            WireWriter w = new WireWriter();
            ls.encodeValue(w, SESSION);
            assertThat(w.toBytes().hex().toLowerCase()).as(input).isEqualTo(input.substring(2));
        } catch (Malformed expected) {
            // rejected
        }
    }
}
