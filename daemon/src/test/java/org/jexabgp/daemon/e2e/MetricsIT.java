package org.jexabgp.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The Prometheus endpoint (metrics.listen, docs/operations.md) of a running daemon with one established peer. */
@ParameterizedClass(name = "asyncio={0}")
@ValueSource(booleans = {false, true})
class MetricsIT extends EndToEnd {
    MetricsIT(boolean asyncio) {
        super(asyncio);
    }

    @Test
    void scrapeShowsPeerProcessAndLoopSeries() throws Exception {
        TestPeer peer = peer("127.0.0.1", 0);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path program = apiProgram("talker", "wait *up*", "announce route 10.0.0.0/24 next-hop 1.2.3.4");
        Map<String, String> env = DaemonProcess.server(asyncio, 179, 1);
        env.put("exabgp_metrics_listen", "127.0.0.1:" + port);
        DaemonProcess daemon = daemon(env, file("metrics.conf", "process talker { run " + program
                + "; encoder text; }\n" + ApiProcessIT.neighbor(peer.port(), "processes [ talker ];\nneighbor-changes;")));
        peer.awaitMessage("the announcement", m -> m.hex().equals(ApiProcessIT.ANNOUNCE), Await.TIMEOUT);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        // the route reached the peer: the next scrape sees it in the Adj-RIB-Out and the talker's command counted
        String body = Await.until("a scrape with the route counted", () -> {
            try {
                HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? r.body() : "";
            } catch (java.io.IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }, b -> b.contains("exabgp_process_commands_total{process=\"talker\"} 1"), Await.TIMEOUT);

        String peerLabels = "local_as=\"65001\",peer=\"127.0.0.1\",peer_as=\"65001\"";
        assertThat(body)
                .contains("exabgp_peer_established{" + peerLabels + "} 1")
                .contains("exabgp_peer_state{" + peerLabels + ",state=\"established\"} 1")
                .contains("exabgp_peer_state{" + peerLabels + ",state=\"idle\"} 0")
                .contains("exabgp_peer_messages_received_total{" + peerLabels + ",type=\"open\"} 1")
                .contains("exabgp_peer_messages_sent_total{" + peerLabels + ",type=\"open\"} 1")
                .contains("exabgp_peer_prefixes_out{" + peerLabels + "} 1")
                .contains("exabgp_process_running{process=\"talker\"} 1")
                .contains("exabgp_process_starts_total{process=\"talker\"} 1")
                .contains("exabgp_process_dropped_total{process=\"talker\"} 0")
                .containsPattern("exabgp_process_events_total\\{process=\"talker\"\\} [1-9]")
                .containsPattern("exabgp_loop_turn_seconds_count [1-9]")
                .contains("exabgp_loop_inbox_depth ");
        // a Prometheus configured for the protobuf format gets it (its writer is shipped: without it, a 500)
        HttpResponse<byte[]> proto = http.send(HttpRequest.newBuilder(get.uri()).timeout(Duration.ofSeconds(10))
                        .header("Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                                + "encoding=delimited;q=0.7,text/plain;version=0.0.4;q=0.3,*/*;q=0.1")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(proto.statusCode()).isEqualTo(200);
        assertThat(proto.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/vnd.google.protobuf"));
        assertThat(new String(proto.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("exabgp_peer_established");
        assertThat(daemon.isAlive()).isTrue();
    }
}
