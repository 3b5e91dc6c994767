package org.jexabgp.bench;

import java.util.concurrent.TimeUnit;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.nlri.Nlri;
import org.jexabgp.wire.nlri.evpn.Evpn;
import org.jexabgp.wire.nlri.evpn.EvpnFamily;
import org.jexabgp.wire.nlri.flow.FlowFamily;
import org.jexabgp.wire.nlri.flow.FlowNlri;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Issue 3 speed target (d): decoding one FlowSpec rule of five components, and one EVPN MAC/IP route (≤ 300 ns). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class NlriDecodeBench {
    /** RFC 8955 §4: length 21, then five components in type order. */
    private final byte[] flow = Bytes.fromHex("15"
                    + "01" + "18" + "0a0001" // destination 10.0.1.0/24 (type 1, length 24, 3 bytes)
                    + "02" + "20" + "c0000201" // source 192.0.2.1/32
                    + "03" + "81" + "06" // protocol: end-of-list, 1 byte, =; 6 (tcp)
                    + "05" + "91" + "0050" // destination-port: end-of-list, 2 bytes, =; 80
                    + "09" + "81" + "02") // tcp-flags: end-of-list, 1 byte, match; syn
            .toArray();

    /** RFC 7432 §7.2: route type 2, length 37. */
    private final byte[] macIp = Bytes.fromHex("02" + "25"
                    + "0001" + "c0000201" + "0064" // RD type 1: 192.0.2.1:100
                    + "00000000000000000000" // ESI 0
                    + "00000000" // Ethernet Tag 0
                    + "30" + "001122334455" // MAC length 48, MAC
                    + "20" + "c000020a" // IP length 32, 192.0.2.10
                    + "0000a1") // MPLS label 10, bottom of stack
            .toArray();

    private final Negotiated session = Fixtures.session();

    @Benchmark
    public Nlri flowRule() throws Malformed {
        return FlowNlri.CODEC.decode(WireReader.of(flow), FlowFamily.IPV4_FLOW_FAMILY, 0, session);
    }

    @Benchmark
    public Nlri evpnMacIp() throws Malformed {
        return Evpn.CODEC.decode(WireReader.of(macIp), EvpnFamily.L2VPN_EVPN_FAMILY, 0, session);
    }
}
