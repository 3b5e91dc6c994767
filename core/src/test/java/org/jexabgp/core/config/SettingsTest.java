package org.jexabgp.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** runtime.md §2. */
class SettingsTest {
    @Test
    void defaults() {
        Settings s = Settings.defaults();
        assertThat(s.api().ack()).isTrue();
        assertThat(s.api().chunk()).isEqualTo(1);
        assertThat(s.api().encoder()).isEqualTo("json");
        assertThat(s.api().pipename()).isEqualTo("exabgp");
        assertThat(s.bgp().openwait()).isEqualTo(60);
        assertThat(s.daemon().umask()).isEqualTo(0137);
        assertThat(s.daemon().user()).isEqualTo("nobody");
        assertThat(s.log().level()).isEqualTo("INFO");
        assertThat(s.log().shortFormat()).isTrue();
        assertThat(s.log().destination()).isEqualTo("stdout");
        assertThat(s.reactor().speed()).isEqualTo(1.0);
        assertThat(s.reactor().asyncio()).isFalse();
        assertThat(s.tcp().port()).isEqualTo(179);
        assertThat(s.tcp().attempts()).isZero();
        assertThat(s.tcp().bind()).isEmpty();
    }

    @Test
    void precedenceDottedThenUnderscoredThenIniThenDefault() throws Settings.Invalid {
        String ini = "[exabgp.tcp]\nport = 1790\nbind = '127.0.0.1 ::1'\ndelay\n[exabgp.api]\nchunk = 5\nack = false\n";
        Map<String, String> env = Map.of(
                "exabgp.tcp.port", "1791",
                "exabgp_tcp_port", "1792",
                "exabgp_api_chunk", "6");
        Settings s = Settings.load(env, ini);
        assertThat(s.tcp().port()).isEqualTo(1791); // dotted beats underscored and the file
        assertThat(s.api().chunk()).isEqualTo(6); // underscored beats the file
        assertThat(s.tcp().bind()).isEqualTo("127.0.0.1 ::1"); // file, quotes stripped
        assertThat(s.api().ack()).isFalse();
        assertThat(s.tcp().delay()).isZero(); // a bare key means the default
        assertThat(Settings.load(Map.of(), ini).tcp().port()).isEqualTo(1790);
    }

    @Test
    void booleansAsExabgp() throws Settings.Invalid {
        for (String yes : new String[] {"1", "yes", "on", "enable", "TRUE", "True"})
            assertThat(Settings.load(Map.of("exabgp_api_cli", "false", "exabgp_log_all", yes), null).log().all())
                    .as(yes)
                    .isTrue();
        // anything else is false, never an error
        for (String no : new String[] {"0", "no", "off", "enabled", "maybe", ""})
            assertThat(Settings.load(Map.of("exabgp.api.ack", no), null).api().ack()).as(no).isFalse();
    }

    @Test
    void invalidValues() {
        assertThatThrownBy(() -> Settings.load(Map.of("exabgp.tcp.port", "http"), null))
                .isInstanceOf(Settings.Invalid.class)
                .hasMessageStartingWith("invalid value for tcp.port")
                .satisfies(e -> assertThat(((Settings.Invalid) e).key()).isEqualTo("tcp.port"));
        assertThatThrownBy(() -> Settings.load(Map.of(), "[exabgp.reactor]\nspeed = fast\n"))
                .hasMessageStartingWith("invalid value for reactor.speed");
        assertThatThrownBy(() -> Settings.load(Map.of("exabgp_log_level", "LOUD"), null))
                .hasMessageStartingWith("invalid value for log.level");
        assertThatThrownBy(() -> Settings.load(Map.of("exabgp_daemon_umask", "0999"), null))
                .hasMessageStartingWith("invalid value for daemon.umask");
    }

    @Test
    void aliases() throws Settings.Invalid {
        assertThat(Settings.load(Map.of("exabgp.tcp.connections", "3"), null).tcp().attempts()).isEqualTo(3);
        assertThat(Settings.load(Map.of("exabgp_tcp_connections", "4"), null).tcp().attempts()).isEqualTo(4);
        assertThat(Settings.load(Map.of("exabgp_tcp_once", "true"), null).tcp().attempts()).isEqualTo(1);
        assertThat(Settings.load(Map.of("exabgp_tcp_once", "false"), null).tcp().attempts()).isZero();
        // attempts given: once does not change it
        assertThat(Settings.load(Map.of("exabgp_tcp_once", "true", "exabgp_tcp_attempts", "7"), null)
                        .tcp()
                        .attempts())
                .isEqualTo(7);
        assertThat(Settings.load(Map.of("exabgp_reactor_asyncio", "true"), null).reactor().asyncio()).isTrue();
        assertThat(Settings.load(Map.of("exabgp_asyncio_enable", "true"), null).reactor().asyncio()).isTrue();
        assertThat(Settings.load(Map.of("exabgp_log_level", "debug"), null).log().level()).isEqualTo("DEBUG");
        assertThat(Settings.load(Map.of("exabgp_daemon_umask", "0o22"), null).daemon().umask()).isEqualTo(022);
    }

    @Test
    void renderedLikeExabgpEnv() throws Settings.Invalid {
        String ini = Settings.defaults().ini();
        // every section header is preceded by a blank line, the first one too (ExaBGP writes "\n[exabgp.api]")
        assertThat(ini).startsWith("\n[exabgp.api]\nack = true\nchunk = 1\ncli = true\ncompact = false\n"
                + "encoder = json\njson-version = 5\npipename = 'exabgp'\n");
        assertThat(ini).contains("[exabgp.daemon]\ndaemonize = false\ndrop = true\npid = ''\numask = '0o137'\n");
        assertThat(ini).endsWith("[exabgp.tcp]\nacl = false\nattempts = 0\nbind = ''\ndelay = 0\nonce = false\n"
                + "port = 179\n");
        assertThat(ini).doesNotContain("[exabgp.debug]").contains("level = INFO", "speed = 1.0");
        var lines = Settings.defaults().envLines();
        assertThat(lines).hasSize(47).contains("exabgp.tcp.port=179", "exabgp.log.short=true");
        Settings changed = Settings.load(Map.of("exabgp_tcp_port", "1790"), null);
        assertThat(changed.ini(true)).isEqualTo("\n[exabgp.tcp]\nport = 1790\n");
        // -e lists the keys in ExaBGP's definition order: profile, pdb, daemon, log, tcp, bgp, cache, api, reactor
        assertThat(lines.subList(0, 5)).containsExactly("exabgp.profile.enable=false", "exabgp.profile.file=''",
                "exabgp.pdb.enable=false", "exabgp.daemon.pid=''", "exabgp.daemon.user='nobody'");
        assertThat(lines.getLast()).isEqualTo("exabgp.reactor.asyncio=false");
        // tcp.connections (environment only) overrides tcp.attempts, as ExaBGP's alias does
        assertThat(Settings.load(Map.of("exabgp_tcp_attempts", "3", "exabgp.tcp.connections", "5"), null).tcp()
                .attempts()).isEqualTo(5);
        // the rendering reads back to the same settings
        assertThat(Settings.load(Map.of(), changed.ini())).isEqualTo(changed);
    }

    /** Our addition api.json-version (json.md §11): 4 or 5, in every spelling; anything else stops the start. */
    @Test
    void jsonVersionIsFourOrFive() throws Settings.Invalid {
        assertThat(Settings.defaults().api().jsonVersion()).isEqualTo(5);
        assertThat(Settings.load(Map.of("exabgp_api_json_version", "4"), null).api().jsonVersion()).isEqualTo(4);
        assertThat(Settings.load(Map.of("exabgp.api.json-version", "4"), null).api().jsonVersion()).isEqualTo(4);
        assertThat(Settings.load(Map.of(), "[exabgp.api]\njson-version = 4\n").api().jsonVersion()).isEqualTo(4);
        for (String bad : List.of("3", "6", "4.2", "x", ""))
            assertThatThrownBy(() -> Settings.load(Map.of("exabgp_api_json_version", bad), null))
                    .isInstanceOf(Settings.Invalid.class)
                    .hasMessageContaining("api.json-version");
        Settings four = Settings.load(Map.of("exabgp_api_json_version", "4"), null);
        assertThat(four.ini(true)).isEqualTo("\n[exabgp.api]\njson-version = 4\n");
        assertThat(four.envLines()).contains("exabgp.api.json-version=4");
    }
}
