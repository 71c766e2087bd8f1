package dev.gradient.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's live heap, read from outside with {@code jcmd}: a full GC ({@code GC.run}),
 * then the "used" figure of {@code GC.heap_info}. What is left after a full GC is what the
 * service holds on to (caches, registry, Spring), so comparing it before and after a soak shows
 * growth that no cache bound explains.
 */
final class Heap {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;

    Heap(long pid) {
        this.pid = pid;
    }

    /** Bytes in use in the service's heap right after a full collection. */
    long usedAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no 'used' figure in GC.heap_info:\n" + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + output);
        }
        return output;
    }
}
