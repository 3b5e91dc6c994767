package org.jexabgp.daemon;

import picocli.CommandLine;

/** Version strings: ours, and the ExaBGP version we are compatible with. */
final class Version implements CommandLine.IVersionProvider {
    /** The ExaBGP release whose behaviour we follow. */
    static final String EXABGP = "5.0.0";

    /**
     * The project's version (pom.xml, without -SNAPSHOT; VersionTest keeps the two equal), written here: asking the
     * jar's manifest for it opened the 7 MB jar at every start (issue 9).
     */
    static final String JEXABGP = "0.1.0";

    /** What ExaBGP reports as its version (software-version capability, {@code version} command); env overrides. */
    static String reported() {
        String env = System.getenv("exabgp_version");
        if (env == null) env = System.getenv("exabgp.version");
        return env != null && !env.isEmpty() ? env : EXABGP + "-jexabgp-" + JEXABGP;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "ExaBGP : " + reported(),
            "Java : " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            "Uname : " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch"),
            "From : " + System.getenv().getOrDefault("EXABGP_ROOT", System.getProperty("user.dir"))
        };
    }
}
