package io.tryx.simulator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory figures of a child JVM (the simulator under load), read from outside: its resident set from
 * {@code /proc/<pid>/status} and its heap after a full GC through {@code jcmd}. Linux only; a figure that cannot be
 * read is -1 so a benchmark still prints the rest.
 */
final class ChildProcessProbe {

    private static final Pattern KIB = Pattern.compile("(\\d+)\\s*kB");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private final long pid;

    ChildProcessProbe(long pid) {
        this.pid = pid;
    }

    /** Peak resident set size so far ({@code VmHWM}), in KiB. */
    long peakRssKib() {
        return statusField("VmHWM:");
    }

    /** Current resident set size ({@code VmRSS}), in KiB. */
    long rssKib() {
        return statusField("VmRSS:");
    }

    /** Runs a full GC in the child, then reads its used heap in KiB. */
    long heapAfterGcKib() {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    private long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(name)) {
                    Matcher kib = KIB.matcher(line);
                    return kib.find() ? Long.parseLong(kib.group(1)) : -1;
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
