package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/exabgp's own work, with a stand-in JDK whose java prints the umask it was started with and its arguments: the
 * daemon's umask is set before the JVM starts (issue 9), the other commands keep the caller's.
 */
class LauncherTest {
    @TempDir Path dir;
    private Path root;
    private Path jdk;

    @BeforeEach
    void copyTheLauncher() throws IOException {
        Path bin = Path.of("..", "bin").toAbsolutePath().normalize();
        root = dir.resolve("project");
        Files.createDirectories(root.resolve("bin"));
        for (String f : List.of("exabgp", "jexabgp-env.sh")) Files.copy(bin.resolve(f), root.resolve("bin").resolve(f));
        Files.setPosixFilePermissions(root.resolve("bin/exabgp"), PosixFilePermissions.fromString("rwxr-xr-x"));
        // a jar and no sources: nothing to build
        Files.createDirectories(root.resolve("daemon/target"));
        Files.createFile(root.resolve("daemon/target/exabgp.jar"));
        jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        // the umask, then each argument on a line of its own
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\numask\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The umask the stand-in java saw, and its last argument, when the caller's umask is 0077. */
    private String run(Map<String, String> env, String... args) throws Exception {
        Process p = start(env, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines().toList();
        return lines.getFirst() + " " + lines.getLast();
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        StringBuilder command = new StringBuilder("umask 0077; exec \"$0\"");
        for (int i = 1; i <= args.length; i++) command.append(" \"$").append(i).append('"');
        List<String> argv = new java.util.ArrayList<>(List.of("/bin/sh", "-c", command.toString(),
                root.resolve("bin/exabgp").toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.toLowerCase(java.util.Locale.ROOT).startsWith("exabgp"));
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    void theDaemonStartsWithItsUmask() throws Exception {
        assertThat(run(Map.of(), "exabgp.conf")).isEqualTo("0137 exabgp.conf");
        assertThat(run(Map.of(), "-d", "-p", "exabgp.conf")).isEqualTo("0137 exabgp.conf");
        assertThat(run(Map.of(), "server", "exabgp.conf")).isEqualTo("0137 exabgp.conf");
        assertThat(run(Map.of("exabgp_daemon_umask", "022"), "exabgp.conf")).isEqualTo("0022 exabgp.conf");
        // a value the shell does not read is left to the daemon, which reads the umask and sets its own
        assertThat(run(Map.of("exabgp_daemon_umask", "0o22"), "exabgp.conf")).isEqualTo("0077 exabgp.conf");
        // JVM options may create directories before main (a flight recording's): the daemon sets its umask itself
        assertThat(run(Map.of("JEXABGP_JAVA_OPTS", "-Xlog:disable"), "exabgp.conf")).isEqualTo("0077 exabgp.conf");
        // arguments reach java as they were given
        assertThat(run(Map.of(), "my exabgp.conf")).isEqualTo("0137 my exabgp.conf");
    }

    /**
     * Both JIT tiers wait for hotter code than they would (issue 9: their compilations of start-up code took a core
     * from the start), and options of the caller's come after the launcher's, so that they can set it otherwise.
     */
    @Test
    void theJitTiersWaitForHotCodeUnlessTheCallerSaysOtherwise() throws Exception {
        Process p = start(Map.of("JEXABGP_JAVA_OPTS", "-XX:Tier4InvocationThreshold=5000"), "exabgp.conf");
        List<String> args = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(args).contains("-XX:Tier4InvocationThreshold=100000", "-XX:Tier4CompileThreshold=150000",
                "-XX:Tier4BackEdgeThreshold=400000", "-XX:Tier4MinInvocationThreshold=60000",
                "-XX:Tier3InvocationThreshold=1000", "-XX:Tier3MinInvocationThreshold=500",
                "-XX:Tier3CompileThreshold=5000");
        assertThat(args.lastIndexOf("-XX:Tier4InvocationThreshold=5000"))
                .isGreaterThan(args.indexOf("-XX:Tier4InvocationThreshold=100000"));
    }

    /**
     * The main class comes from the class path, with the module options the jar's manifest gives a {@code -jar} start:
     * {@code -jar} opened the whole jar to read that manifest, 12 ms of every start (issue 9).
     */
    @Test
    void theMainClassComesFromTheClassPathWithTheManifestsModuleOptions() throws Exception {
        Process p = start(Map.of(), "exabgp.conf");
        List<String> args = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String jar = root.resolve("daemon/target/exabgp.jar").toString();
        assertThat(args).doesNotContain("-jar")
                .contains("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED")
                .containsSubsequence("-cp", jar, "org.jexabgp.daemon.Main", "exabgp.conf");
        assertThat(args.subList(args.indexOf("-cp"), args.size()))
                .containsExactly("-cp", jar, "org.jexabgp.daemon.Main", "exabgp.conf");
    }

    /** The arguments the stand-in java was given. */
    private List<String> arguments(Map<String, String> env, String... args) throws Exception {
        Process p = start(env, args);
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return lines.subList(1, lines.size());
    }

    /** The daemon is told the umask the launcher set, so that it need not read it back; nobody else is. */
    @Test
    void theDaemonIsToldItsUmask() throws Exception {
        assertThat(arguments(Map.of(), "exabgp.conf")).contains("-Djexabgp.umask=0137");
        assertThat(arguments(Map.of("exabgp_daemon_umask", "022"), "exabgp.conf")).contains("-Djexabgp.umask=0022");
        assertThat(arguments(Map.of("exabgp_daemon_umask", "0o22"), "exabgp.conf"))
                .noneMatch(a -> a.startsWith("-Djexabgp.umask"));
        assertThat(arguments(Map.of(), "version")).noneMatch(a -> a.startsWith("-Djexabgp.umask"));
        assertThat(arguments(Map.of("JEXABGP_JAVA_OPTS", "-Xlog:disable"), "exabgp.conf"))
                .noneMatch(a -> a.startsWith("-Djexabgp.umask"));
    }

    /** The privilege drop's JNI library is named to the JVM when the build made it next to the jar. */
    @Test
    void theJvmIsToldWhereTheJniLibraryIs() throws Exception {
        assertThat(arguments(Map.of(), "exabgp.conf")).noneMatch(a -> a.startsWith("-Djexabgp.native"));
        Path library = Files.createFile(root.resolve("daemon/target/libjexabgp-privileges.so"));
        assertThat(arguments(Map.of(), "exabgp.conf")).contains("-Djexabgp.native=" + library);
    }

    /** The launcher's list is that of the commands Main runs other than the daemon, and their dash forms. */
    @Test
    void otherCommandsKeepTheCallersUmask() throws Exception {
        for (String name : Main.SUBCOMMANDS)
            if (!name.equals("server")) assertThat(run(Map.of(), name, "x")).as(name).isEqualTo("0077 x");
        for (String command : List.of("version", "--version", "-V", "decode", "--decode", "-x", "validate", "-t",
                "--test", "--validate", "env", "--fi", "--full-ini", "--di", "--fe", "--de", "cli", "healthcheck",
                "train", "help", "--help", "-h"))
            assertThat(run(Map.of(), command, "x")).as(command).isEqualTo("0077 x");
    }

    /**
     * The jar is rebuilt when a source of a module it is made of is newer, and only then: Maven leaves the jar as it
     * is when its content did not change, so a newer file of another module would have rebuilt it at every start.
     */
    @Test
    void onlyTheJarsOwnSourcesMakeItStale() throws Exception {
        long later = System.currentTimeMillis() + 60_000;
        for (String module : List.of("bench", "functional")) {
            Path source = root.resolve(module).resolve("src/main/java/Other.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, "class Other {}");
            Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(later));
            Files.setLastModifiedTime(root.resolve(module), java.nio.file.attribute.FileTime.fromMillis(later));
        }
        assertThat(run(Map.of(), "exabgp.conf")).isEqualTo("0137 exabgp.conf");
        for (String module : jarModules()) {
            Path source = root.resolve(module).resolve("src/main/java/Own.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, "class Own {}");
            Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(later));
            // no Maven wrapper in this copy: the build it starts fails, which is how it shows
            Process p = start(Map.of(), "exabgp.conf");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as(module).contains("jexabgp: building").contains("jexabgp: build failed");
            assertThat(p.exitValue()).as(module).isEqualTo(1);
            // gone again, directories included (a directory changed after the jar is newer than it too)
            try (var tree = Files.walk(root.resolve(module).resolve("src"))) {
                for (Path f : tree.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
            }
            assertThat(run(Map.of(), "exabgp.conf")).as("after " + module).isEqualTo("0137 exabgp.conf");
        }
    }

    /**
     * The modules the daemon's jar is made of: daemon and its compile dependencies among ours, read from the poms
     * (the launcher's list must name them all).
     */
    private static List<String> jarModules() throws IOException {
        Path project = Path.of("..").toAbsolutePath().normalize();
        java.util.Set<String> modules = new java.util.TreeSet<>();
        java.util.Deque<String> next = new java.util.ArrayDeque<>(List.of("daemon"));
        java.util.regex.Pattern dependency = java.util.regex.Pattern.compile(
                "<dependency><groupId>org\\.jexabgp</groupId><artifactId>jexabgp-([a-z]+)</artifactId></dependency>");
        while (!next.isEmpty()) {
            String module = next.pop();
            if (!modules.add(module)) continue;
            java.util.regex.Matcher m = dependency.matcher(Files.readString(project.resolve(module).resolve("pom.xml")));
            while (m.find()) next.push(m.group(1));
        }
        String launcher = Files.readString(project.resolve("bin/jexabgp-env.sh"));
        for (String module : modules) assertThat(launcher).as(module).contains("\"$here/" + module + "/src/main\"");
        return List.copyOf(modules);
    }
}
