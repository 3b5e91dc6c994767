package org.jexabgp.reactor.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jexabgp.core.config.ConfigError;
import org.jexabgp.core.config.ConfigurationSyntax;
import org.jexabgp.core.config.ProgramCheck;
import org.jexabgp.core.config.RouteSyntax;
import org.jexabgp.core.model.Neighbor;
import org.jexabgp.core.model.Route;
import org.jexabgp.core.session.OpenFactory;
import org.jexabgp.core.session.SessionSettings;
import org.jexabgp.reactor.api.Command;
import org.jexabgp.reactor.api.CommandParser;
import org.jexabgp.wire.Bytes;
import org.jexabgp.wire.Families;
import org.jexabgp.wire.Family;
import org.jexabgp.wire.FamilySpec;
import org.jexabgp.wire.Negotiated;
import org.jexabgp.wire.RoundTrip;
import org.jexabgp.wire.TestJsonSink;
import org.jexabgp.wire.WireReader;
import org.jexabgp.wire.WireWriter;
import org.jexabgp.wire.attribute.Attribute;
import org.jexabgp.wire.attribute.AttributeSpec;
import org.jexabgp.wire.attribute.Attributes;
import org.jexabgp.wire.attribute.GenericAttribute;
import org.jexabgp.wire.attribute.NextHop;
import org.jexabgp.wire.capability.Capabilities;
import org.jexabgp.wire.capability.Capability;
import org.jexabgp.wire.message.MessageCodec;
import org.jexabgp.wire.message.Open;
import org.jexabgp.wire.nlri.Nlri;

/**
 * Checks one golden vector per its kind: the hex decodes to a value that re-encodes to the same hex, prints the given
 * JSON (compared as JSON trees) and text, and the syntax words produce exactly these bytes.
 */
final class GoldenCheck {
    private GoldenCheck() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static void check(GoldenFile file, GoldenFile.Vector v) throws Exception {
        switch (file.kind()) {
            case "family" -> family(file, v);
            case "attribute" -> attribute(file, v);
            case "extended-community" -> extendedCommunity(v);
            case "capability" -> capability(file, v);
            default -> fail("unknown kind " + file.kind());
        }
    }

    // -- families: one NLRI ---------------------------------------------------------------------------------------

    static FamilySpec familyRow(String row) {
        for (FamilySpec s : Families.ALL.all()) if (s.name().replace(' ', '-').equals(row)) return s;
        throw new AssertionError("no family row " + row);
    }

    private static void family(GoldenFile file, GoldenFile.Vector v) throws Exception {
        FamilySpec spec = familyRow(file.row());
        Family f = spec.family();
        boolean addPath = v.session().contains("addpath") && spec.nlri().carriesPathId();
        Negotiated session = Negotiated.standalone(65001, 65002, List.of(f));
        if (addPath) session = session.withAddPath(Set.of(f), Set.of(f));
        WireReader in = v.hex().reader();
        long pathId = addPath ? in.u32() : 0;
        Nlri nlri = spec.nlri().decode(in, f, pathId, session);
        assertThat(in.remaining()).as("bytes left after the NLRI").isZero();
        assertThat(nlri.family()).isEqualTo(f);
        assertThat(encode(nlri, addPath)).as("re-encoded").isEqualTo(v.hex());
        if (v.json() != null) {
            TestJsonSink sink = new TestJsonSink();
            nlri.json(sink, addPath);
            json(sink.toString(), v.json());
        }
        if (v.text() != null) assertThat(nlri.text()).isEqualTo(v.text());
        if (v.syntax() != null) {
            List<Bytes> produced = new ArrayList<>();
            for (Route r : routes(v.syntax())) produced.add(encode(r.nlri(), addPath));
            assertThat(produced).as("NLRIs of `%s`", v.syntax()).contains(v.hex());
        }
    }

    private static Bytes encode(Nlri nlri, boolean withPathId) {
        WireWriter w = new WireWriter();
        nlri.encode(w, withPathId);
        return w.toBytes();
    }

    /** An API command (no neighbour selector) parsed as the daemon parses it. */
    static List<Route> routes(String command) throws ConfigError {
        Command c = CommandParser.parse(command);
        if (!(c instanceof Command.Routes r)) throw new AssertionError("`" + command + "` is not a route command: " + c);
        return RouteSyntax.parseApiRoute(r.text(), !r.announce());
    }

    // -- attributes: one TLV --------------------------------------------------------------------------------------

    private static Negotiated attributeSession(GoldenFile.Vector v) {
        List<Family> all = Families.ALL.all().stream().map(FamilySpec::family).toList();
        return Negotiated.standalone(65001, 65002, all).withAsn4(!v.session().contains("asn2"));
    }

    private static void attribute(GoldenFile file, GoldenFile.Vector v) throws Exception {
        Negotiated session = attributeSession(v);
        WireReader in = v.hex().reader();
        Attribute a = RoundTrip.decodeAttribute(in, session);
        AttributeSpec spec = Attributes.spec(a.code().value());
        String row = spec == null || a instanceof GenericAttribute ? "generic" : spec.name();
        assertThat(row).as("the row of the decoded attribute").isEqualTo(file.row());
        // without ASN4 a four-byte AS_PATH / AGGREGATOR is followed by its AS4_ twin (RFC 6793 §4.2.2)
        WireWriter w = new WireWriter();
        Attributes.encode(a, w, session);
        assertThat(w.toBytes()).as("re-encoded").isEqualTo(v.hex());
        if (v.json() != null) json(TestJsonSink.object(a::json), v.json());
        if (v.text() != null) assertThat(a.text()).isEqualTo(v.text());
        if (v.syntax() != null) {
            String command = isCommand(v.syntax()) ? v.syntax() : "announce route 10.0.0.0/24 next-hop 192.0.2.1 " + v.syntax();
            List<Bytes> produced = new ArrayList<>();
            for (Route r : routes(command)) {
                for (Attribute x : r.attributes().all()) produced.add(tlv(x, session));
                if (r.nextHop() != null && r.nextHop().isV4()) produced.add(tlv(new NextHop(r.nextHop()), session));
            }
            // contained, not equal: without ASN4 an AS_PATH's TLV is followed by its AS4_PATH (RFC 6793 §4.2.2)
            assertThat(produced.stream().map(Bytes::hex).toList())
                    .as("attributes of `%s`", command)
                    .anyMatch(hex -> hex.contains(v.hex().hex()));
        }
    }

    private static boolean isCommand(String syntax) {
        return syntax.startsWith("announce ") || syntax.startsWith("withdraw ");
    }

    private static Bytes tlv(Attribute a, Negotiated session) {
        WireWriter w = new WireWriter();
        Attributes.encode(a, w, session);
        return w.toBytes();
    }

    // -- extended communities: 8 bytes in attribute 16, or 20 bytes in attribute 25 -------------------------------

    private static void extendedCommunity(GoldenFile.Vector v) throws Exception {
        int length = v.hex().length();
        assertThat(length).as("an extended community has 8 or 20 bytes").isIn(8, 20);
        Bytes attribute = new WireWriter().u8(0xC0).u8(length == 8 ? 16 : 25).u8(length).bytes(v.hex()).toBytes();
        Negotiated session = attributeSession(v);
        Attribute a = RoundTrip.decodeAttribute(attribute.reader(), session);
        assertThat(tlv(a, session)).as("re-encoded").isEqualTo(attribute);
        if (v.json() != null) {
            JsonNode whole = JSON.readTree(TestJsonSink.object(a::json));
            JsonNode list = whole.elements().next();
            assertThat(list.isArray() && list.size() == 1).as("one community in %s", whole).isTrue();
            assertThat(list.get(0)).as("JSON of %s", v.hex().hex()).isEqualTo(JSON.readTree(v.json()));
        }
        if (v.text() != null) assertThat(a.text()).contains(v.text());
        if (v.syntax() != null) {
            String command = isCommand(v.syntax())
                    ? v.syntax()
                    : "announce route 10.0.0.0/24 next-hop 192.0.2.1 extended-community [ " + v.syntax() + " ]";
            List<Bytes> produced = new ArrayList<>();
            for (Route r : routes(command)) for (Attribute x : r.attributes().all()) produced.add(tlv(x, session));
            assertThat(produced.stream().map(Bytes::hex).toList())
                    .as("attributes of `%s`", command)
                    .anyMatch(hex -> hex.contains(v.hex().hex()));
        }
    }

    // -- capabilities: one TLV of an OPEN's optional parameters ---------------------------------------------------

    private static void capability(GoldenFile file, GoldenFile.Vector v) throws Exception {
        WireReader in = v.hex().reader();
        int code = in.u8();
        int length = in.u8();
        Capability c = Capabilities.decode(code, in.take(length));
        assertThat(in.remaining()).as("bytes left after the capability").isZero();
        if (file.row().equals("unknown")) assertThat(c).isInstanceOf(org.jexabgp.wire.capability.UnknownCapability.class);
        else assertThat(code).as("the capability code").isEqualTo(Integer.parseInt(file.row()));
        WireWriter value = new WireWriter();
        c.encodeValue(value);
        assertThat(new WireWriter().u8(code).u8(value.length()).writer(value).toBytes()).as("re-encoded")
                .isEqualTo(v.hex());
        if (v.json() != null) {
            JsonNode whole = JSON.readTree(TestJsonSink.object(s -> Capabilities.json(s, List.of(c), true)));
            assertThat(whole.get("capabilities")).isEqualTo(JSON.readTree(v.json()));
        }
        if (v.text() != null) assertThat(c.text()).isEqualTo(v.text());
        if (v.syntax() != null) {
            String conf = "neighbor 127.0.0.1 {\n router-id 10.0.0.1;\n local-address 127.0.0.2;\n local-as 65001;\n"
                    + " peer-as 65002;\n " + v.syntax() + "\n}\n";
            Neighbor n = ConfigurationSyntax.parse(conf, "golden.conf", ProgramCheck.ANY).neighbors().getFirst();
            Open open = OpenFactory.build(n, SessionSettings.DEFAULT);
            String wire = MessageCodec.encode(open, Negotiated.standalone(65001, 65002, List.of())).hex();
            assertThat(wire).as("the OPEN sent for `%s`", v.syntax()).contains(v.hex().hex());
        }
    }

    private static void json(String actual, String expected) throws Exception {
        assertThat(JSON.readTree(actual)).as("JSON %s", actual).isEqualTo(JSON.readTree(expected));
    }
}
