# Sourced by the launchers: sets JEXABGP_JAVA, JEXABGP_JAR and JEXABGP_JVM_FLAGS. $here is the project root.
# The major version of the JDK whose java is $1: from its release file (no JVM started: 70 ms of every start-up),
# else by asking that java.
java_major() {
  rel="$(dirname "$(dirname "$1")")/release"
  if [ -r "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
  else
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
  fi
}
JEXABGP_JAVA=
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ] 2>/dev/null; then
  JEXABGP_JAVA="$JAVA_HOME/bin/java"
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  JEXABGP_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export JAVA_HOME
else
  echo "jexabgp needs JDK 25: set JAVA_HOME" >&2
  exit 1
fi
JEXABGP_JAR="$here/daemon/target/exabgp.jar"
# Build when the jar is missing or older than any source or build file of the modules it is made of (a fresh clone,
# or after an edit). Only those: Maven leaves the jar as it is when its content did not change, so a newer file in
# bench or functional would rebuild it at every start. Only the source trees are walked (the whole checkout, build
# output included, cost 85 ms of every start); one find for all (each process is a few milliseconds of every start).
if [ ! -f "$JEXABGP_JAR" ] \
   || [ -n "$(find "$here/pom.xml" \
        "$here/picocli/pom.xml" "$here/picocli/src/main" "$here/wire/pom.xml" "$here/wire/src/main" \
        "$here/core/pom.xml" "$here/core/src/main" "$here/reactor/pom.xml" "$here/reactor/src/main" \
        "$here/daemon/pom.xml" "$here/daemon/src/main" -newer "$JEXABGP_JAR" -print -quit 2>/dev/null)" ]; then
  echo "jexabgp: building $JEXABGP_JAR ..." >&2
  (cd "$here" && ./mvnw -q -DskipTests -Djexabgp.out=target package -pl daemon -am >&2) || { echo "jexabgp: build failed" >&2; exit 1; }
fi
EXABGP_ROOT="${EXABGP_ROOT:-$here}"
export EXABGP_ROOT
# HotSpot suspends threads with SIGUSR2 on Linux; move that to SIGRTMIN+6 so USR2 reaches the daemon (restart).
_JAVA_SR_SIGNUM=40
export _JAVA_SR_SIGNUM
# The AOT cache made at build time (JEP 514) holds the classes a daemon loads: used only when it is newer than
# the jar, since a cache of an older jar would serve stale classes.
JEXABGP_AOT="$here/daemon/target/exabgp.aot"
aot=""
if [ -f "$JEXABGP_AOT" ] && ! [ "$JEXABGP_JAR" -nt "$JEXABGP_AOT" ]; then
  aot="-XX:AOTCache=$JEXABGP_AOT"
fi
# The cache's method profiles are not replayed (issue 9): they made the JIT compile the training run's hot code at
# every start, competing with the start itself for this machine's cores, and in profiles unlike a real load's
# (inject 1M: 20% more CPU); the cache still holds the classes, linked.
if [ -n "$aot" ]; then aot="$aot -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining"; fi
# The heap (issue 9): arrays of 512 KB or more (the tables of a large Adj-RIB-Out, growing) are made in the old
# generation at once, not copied there by young collections (a million configured routes: ten pauses, 0.1 s); the
# initial 128 MB saves the full collections that growing the old generation from a small start costs (six for those
# routes). Not more: the old generation fills with garbage up to its size before it is collected. A smaller
# JEXABGP_HEAP is also the initial size (and the JVM sizes the young generation of one under 64 MB); -Xmx or -Xms in
# JEXABGP_JAVA_OPTS leaves the initial size to the JVM. No perf-data file (jps and jstat do not list the daemon; jcmd
# with its pid still works): bin/exabgp starts the daemon's JVM with umask 0137, under which the JVM's
# /tmp/hsperfdata_<user> directory would be made unsearchable for a user other than root.
heap=${JEXABGP_HEAP:-1g}
initial=-Xms128m
young=-Xmn16m
heap_number=${heap%[kKmMgG]}
case $heap_number in
  ''|*[!0-9]*) ;; # not a size this script reads: the JVM judges it
  *)
    case $heap in
      *[gG]) heap_mib=$((heap_number * 1024)) ;;
      *[mM]) heap_mib=$heap_number ;;
      *[kK]) heap_mib=$((heap_number / 1024)) ;;
      *) heap_mib=$((heap_number / 1048576)) ;;
    esac
    if [ "$heap_mib" -lt 128 ]; then initial=-Xms$heap; fi
    if [ "$heap_mib" -lt 64 ]; then young=; fi
    ;;
esac
case " ${JEXABGP_JAVA_OPTS:-} " in
  *" -Xmx"* | *" -Xms"* | *MaxHeapSize* | *InitialHeapSize*) initial= ;;
esac
# The JIT's second tier (C2) waits for code twenty times hotter than it would (issue 9): on a 2-core machine its
# compilations of code run a few hundred times at a start (each neighbour's configuration, connection and session)
# took a core from that start, for code the first tier compiles well enough; the routes' loops, run millions of times,
# still reach it within milliseconds. peers 200x1000: 0.26 -> 0.23 s; the 1M scenarios within 3%.
jit="-XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=60000 -XX:Tier4CompileThreshold=150000"
jit="$jit -XX:Tier4BackEdgeThreshold=400000"
# The first tier (C1) likewise waits for methods called a thousand times rather than two hundred: a start's code run
# once per neighbour or per configuration line (200 neighbours: a few hundred calls) stays interpreted instead of
# queueing hundreds of compilations that end after that code has run; per-route code passes it in the first
# milliseconds of a load. peers 200x1000: 0.212 -> 0.204 s (16 pairs); static 1M a few percent slower.
jit="$jit -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500 -XX:Tier3CompileThreshold=5000"
JEXABGP_JVM_FLAGS="-XX:+UseSerialGC -XX:-UsePerfData $initial $young -Xmx$heap -XX:PretenureSizeThreshold=512k $jit $aot -Xlog:disable -Xlog:all=warning:stderr ${JEXABGP_JAVA_OPTS:-}"
# The main class from the class path, not -jar (issue 9): -jar opens the jar (3,600 entries, 12 ms of the main
# thread's start) to read its manifest, when every class the start needs is in the AOT cache; the manifest's
# Add-Exports and Enable-Native-Access are then given here. The cache is used only when a JVM has the module options
# it was made with: the build's training (daemon/pom.xml) runs with these same ones.
JEXABGP_MODULE_FLAGS="--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED"
JEXABGP_MAIN=org.jexabgp.daemon.Main
# The privilege drop's JNI library, built next to the jar (NativePrivileges; without it, the same C calls through
# java.lang.foreign, whose linking cost a daemon's start up to 35 ms of CPU, issue 9).
JEXABGP_NATIVE="$here/daemon/target/libjexabgp-privileges.so"
[ -f "$JEXABGP_NATIVE" ] || JEXABGP_NATIVE=
