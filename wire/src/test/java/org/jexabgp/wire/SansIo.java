package org.jexabgp.wire;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * ARCHITECTURE §2's sans-I/O rule as a scanner of compiled classes (constant pool: class references, member references
 * and type descriptors) for I/O, threads, clocks and logging. Shared through the test-jar by {@code wire} and
 * {@code core}.
 */
public final class SansIo {
    private SansIo() {}

    /** Internal-name prefixes nobody in this module may reference. */
    static final List<String> FORBIDDEN = List.of(
            "java/io/", "java/net/", "java/nio/channels/", "java/nio/file/", "java/lang/Thread",
            "java/util/concurrent/", "java/time/Clock", "org/slf4j/");

    /** Harmless members of forbidden packages (marker interfaces and annotations). */
    static final Set<String> ALLOWED = Set.of("java/io/Serializable", "java/io/Serial");

    /** Clock reads: owner.name. */
    static final Set<String> FORBIDDEN_MEMBERS = Set.of(
            "java/time/Instant.now", "java/lang/System.nanoTime", "java/lang/System.currentTimeMillis",
            "java/time/LocalDateTime.now", "java/time/ZonedDateTime.now", "java/time/OffsetDateTime.now");

    public static long countClasses(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class")).count();
        }
    }

    public static Set<String> violations(Path root) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                scan(ClassFile.of().parse(Files.readAllBytes(p)), found);
            }
        }
        return found;
    }

    public static void scan(ClassModel model, Set<String> found) {
        String self = model.thisClass().asInternalName();
        for (PoolEntry e : model.constantPool()) {
            switch (e) {
                case ClassEntry c -> check(self, c.asInternalName(), found);
                case MemberRefEntry m -> {
                    String member = m.owner().asInternalName() + "." + m.name().stringValue();
                    if (FORBIDDEN_MEMBERS.contains(member)) found.add(self + " → " + member);
                }
                // descriptors and signatures name types that may have no class entry of their own
                case Utf8Entry u -> {
                    String s = u.stringValue();
                    int at = s.indexOf('L');
                    while (at >= 0) {
                        int end = s.indexOf(';', at);
                        if (end < 0) break;
                        String name = s.substring(at + 1, end);
                        if (!name.contains(" ") && !name.contains("<")) check(self, name, found);
                        at = s.indexOf('L', at + 1);
                    }
                }
                default -> {}
            }
        }
    }

    private static void check(String self, String name, Set<String> found) {
        // arrays appear as [Ljava/io/File; in class entries
        String n = name.startsWith("[") ? name.substring(name.indexOf('L') + 1).replace(";", "") : name;
        if (ALLOWED.contains(n)) return;
        for (String prefix : FORBIDDEN) {
            if (n.startsWith(prefix) && (prefix.endsWith("/") || n.equals(prefix) || n.startsWith(prefix + "$"))) {
                found.add(self + " → " + n);
            }
        }
    }
}
