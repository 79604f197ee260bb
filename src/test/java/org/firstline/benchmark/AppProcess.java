package org.firstline.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Firstline started from its jar as its own process, the way it runs in production. */
public final class AppProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    public final int port;
    final double secondsToReady;

    private AppProcess(Process process, Path log, int port, double secondsToReady) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.secondsToReady = secondsToReady;
    }

    public static AppProcess start(Path jar, int port, Path dataDir, List<String> extraArgs, Path log)
            throws Exception {
        return start(List.of(), jar, port, dataDir, extraArgs, log);
    }

    public static AppProcess start(
            List<String> jvmOptions, Path jar, int port, Path dataDir, List<String> extraArgs, Path log)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the launch README recommends: it keeps Firstline under 512 MiB of RSS at 1,000,000 tickets
        List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        String extraJvm = System.getenv("BENCH_JVM_OPTS");
        if (extraJvm != null && !extraJvm.isBlank()) {
            command.addAll(List.of(extraJvm.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--firstline.data-dir=" + dataDir,
                "--logging.level.root=warn",
                "--logging.level.org.firstline=info",
                "--logging.level.org.springframework.boot.StartupInfoLogger=info"));
        command.addAll(extraArgs);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var http = HttpClient.newHttpClient();
        var ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Firstline exited during start-up; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) break;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
            // a loaded machine (load average 15+ on 2 cores) has taken over 3 minutes to start it
            if (Duration.ofNanos(System.nanoTime() - started).toSeconds() > 600) {
                throw new IllegalStateException("Firstline did not become ready in 10 minutes; see " + log);
            }
        }
        return new AppProcess(process, log, port, (System.nanoTime() - started) / 1e9);
    }

    /** The "Started … in N seconds" figure Spring Boot logs (JVM start excluded). */
    double reportedStartSeconds() throws IOException {
        Matcher m = Pattern.compile("Started \\w+ in ([0-9.]+) seconds").matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    long pid() {
        return process.pid();
    }

    long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Kills the JVM with SIGKILL, as a crash or the OOM killer would: no shutdown hooks, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }
}
