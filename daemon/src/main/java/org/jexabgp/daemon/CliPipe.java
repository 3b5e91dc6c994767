package org.jexabgp.daemon;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jexabgp.daemon.net.Fifo;

/**
 * The named-pipe transport of {@code exabgp cli} (runtime.md §3.2): {@code .out} is opened first (read-write, so the
 * open does not wait and the daemon finds a reader), what is already in it is drained, the command is written to
 * {@code .in} — only if a daemon has it open — and {@code .out} is read until the answer word.
 */
record CliPipe(Path in, Path out) implements CliTransport {
    /** How often the pipe is looked at while waiting: a FIFO read cannot time out. */
    private static final long POLL_MILLIS = 10;

    static CliPipe in(Path dir, String name) {
        return new CliPipe(dir.resolve(name + ".in"), dir.resolve(name + ".out"));
    }

    @Override
    public Answer exchange(String command, Consumer<String> output, Consumer<String> problems) {
        if (!Fifo.isFifo(in) || !Fifo.isFifo(out)) {
            problems.accept("exabgpcli: could not find the named pipes " + in + " and " + out
                    + " (create them with mkfifo, then restart the daemon)");
            return Answer.UNREACHABLE;
        }
        try (RandomAccessFile file = new RandomAccessFile(out.toFile(), "rw");
                FileInputStream reader = new FileInputStream(file.getFD())) {
            byte[] buf = new byte[16384];
            while (reader.available() > 0) reader.read(buf); // stale output of an earlier client
            if (!Fifo.offer(in, (command + "\n").getBytes(StandardCharsets.UTF_8))) {
                problems.accept("exabgpcli: no daemon reads " + in + " (is it running, with exabgp.api.cli true?)");
                return Answer.UNREACHABLE;
            }
            if (command.equals("reset")) return Answer.DONE;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long last = System.nanoTime();
            while (System.nanoTime() - last < IDLE_MILLIS * 1_000_000) {
                int ready = reader.available();
                if (ready <= 0) {
                    Thread.sleep(POLL_MILLIS);
                    continue;
                }
                last = System.nanoTime();
                int n = reader.read(buf, 0, Math.min(ready, buf.length));
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\n') {
                        line.write(buf[i]);
                        continue;
                    }
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    Answer a = CliTransport.answer(text);
                    if (a != null) return a;
                    output.accept(text);
                }
            }
            return Answer.IDLE;
        } catch (IOException e) {
            problems.accept("exabgpcli: " + out + ": " + e.getMessage());
            return Answer.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.IDLE;
        }
    }
}
