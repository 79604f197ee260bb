package org.firstline.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU seconds used so far by a process, or by every PostgreSQL process, from /proc. */
final class CpuTime {
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {}

    static double ofProcess(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime + stime, plus cutime + cstime: the postmaster collects the CPU of backends that have exited
            return (Long.parseLong(fields[11])
                            + Long.parseLong(fields[12])
                            + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]))
                    / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU of one PostgreSQL server only (its postmaster, which collects exited backends, and its live children), so
     * that other databases on a shared machine do not count.
     */
    static double ofPostgres(Path dataDirectory) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .strip());
            return ofProcess(postmaster)
                    + ProcessHandle.of(postmaster).stream()
                            .flatMap(ProcessHandle::children)
                            .mapToDouble(p -> ofProcess(p.pid()))
                            .sum();
        } catch (IOException | RuntimeException e) {
            return ofPostgres();
        }
    }

    /**
     * CPU of one PostgreSQL server by kind of process: "backend" for client connections, the background processes by
     * name (walwriter, checkpointer, autovacuum launcher …), and "exited" for processes that have ended (autovacuum
     * workers, closed connections), which the postmaster collected.
     */
    static java.util.Map<String, Double> ofPostgresByKind(Path dataDirectory) {
        var kinds = new java.util.TreeMap<String, Double>();
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .strip());
            kinds.put("exited", ofExited(postmaster));
            ProcessHandle.of(postmaster).stream()
                    .flatMap(ProcessHandle::children)
                    .forEach(p -> {
                        String kind;
                        try {
                            String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline"))
                                    .replace('\0', ' ')
                                    .strip();
                            kind = cmdline.contains("(") ? "backend" : cmdline.replaceFirst("^postgres: ", "");
                        } catch (IOException e) {
                            kind = "exited";
                        }
                        kinds.merge(kind, ofProcess(p.pid()), Double::sum);
                    });
        } catch (IOException | RuntimeException e) {
            kinds.put("all", ofPostgres());
        }
        return kinds;
    }

    private static double ofExited(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static double ofPostgres() {
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToDouble(p -> ofProcess(p.pid()))
                .sum();
    }
}
