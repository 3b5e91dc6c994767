package org.jexabgp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {
    /** The version the daemon reports is the project's (the parent pom's, without -SNAPSHOT). */
    @Test
    void isTheProjectsVersion() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher m = Pattern.compile("<artifactId>jexabgp-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(m.find()).as("the parent pom's version").isTrue();
        assertThat(Version.JEXABGP).isEqualTo(m.group(1).replace("-SNAPSHOT", ""));
    }
}
