package org.jexabgp.bench;

import java.util.concurrent.TimeUnit;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Malformed;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.message.Message;
import org.jexabgp.wire.message.MessageCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Decoding one full UPDATE: 4096 bytes, ORIGIN, AS_PATH, NEXT_HOP, MED, LOCAL_PREF and about 1,000 IPv4 /24s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class UpdateDecodeBench {
    private final Negotiated session = Fixtures.session();
    Bytes update;
    /** NLRIs in {@link #update}, for turning messages/s into prefixes/s. */
    int prefixes;

    @Setup
    public void message() {
        byte[] first = Fixtures.updates(2000).getFirst();
        update = Bytes.of(first);
        prefixes = (first.length - 19 - 4 - 27) / 4;
    }

    @Benchmark
    public Message decode() throws Malformed {
        return MessageCodec.decode(update, session);
    }
}
