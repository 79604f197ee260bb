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

    static double ofPostgres() {
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToDouble(p -> ofProcess(p.pid()))
                .sum();
    }
}
