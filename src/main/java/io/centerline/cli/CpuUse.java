package io.centerline.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The CPU time spent so far by the whole machine, by this JVM and by the database server's processes, read from
 * {@code /proc} where the system has one. Two readings make the CPU use of a phase, so that a benchmark says not only how
 * long the phase took but on which side of the connection its time went.
 *
 * @param machineBusy the seconds all cores spent outside the idle and I/O-wait states since boot, or NaN
 * @param jvm the seconds of CPU this process used, or NaN
 * @param server the seconds of CPU the server's postmaster, its live processes and those it has reaped used, or NaN
 */
record CpuUse(double machineBusy, double jvm, double server) {

    /** Linux's clock ticks per second, as {@code getconf CLK_TCK} answers on every platform Centerline runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /** A reading now; the server is the one whose data directory holds {@code postmaster.pid}. */
    static CpuUse now(Path serverDataDirectory) {
        return new CpuUse(readMachineBusy(), readJvm(), readServer(serverDataDirectory));
    }

    /** What was spent between an earlier reading and this one. */
    CpuUse since(CpuUse earlier) {
        return new CpuUse(machineBusy - earlier.machineBusy, jvm - earlier.jvm, server - earlier.server);
    }

    /** One line for a report: the phase's CPU seconds, and the machine's as a share of its cores over the wall time. */
    String describe(double wallSeconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(
                Locale.ROOT,
                "machine busy %s (%s of %d cores over %.1f s), JVM %s, database server %s",
                seconds(machineBusy),
                Double.isNaN(machineBusy) ? "n/a" : Math.round(100 * machineBusy / (cores * wallSeconds)) + " %",
                cores,
                wallSeconds,
                seconds(jvm),
                seconds(server));
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f s", value);
    }

    private static double readMachineBusy() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElse("").trim().split("\\s+");
            if (fields.length < 8 || !fields[0].equals("cpu")) {
                return Double.NaN;
            }
            long busy = 0;
            for (int i = 1; i < fields.length; i++) {
                // user nice system idle iowait irq softirq steal ...: idle (4) and iowait (5) are not busy
                if (i != 4 && i != 5 && i <= 8) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double readJvm() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    /**
     * The postmaster's own time and that of the children it has reaped, and the time of its live children (the
     * backends, the writers, the WAL writer).
     */
    private static double readServer(Path dataDirectory) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
            OptionalDouble own = ticks(postmaster, true);
            if (own.isEmpty()) {
                return Double.NaN;
            }
            double total = own.getAsDouble();
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes
                        .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList()) {
                    List<String> stat = stat(process);
                    if (stat != null && Long.parseLong(stat.get(1)) == postmaster) {
                        total += Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
                    }
                }
            }
            return total / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A process's user and system ticks, with those of its reaped children when asked. */
    private static OptionalDouble ticks(long pid, boolean withReaped) {
        List<String> stat = stat(Path.of("/proc", Long.toString(pid)));
        if (stat == null) {
            return OptionalDouble.empty();
        }
        long ticks = Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
        if (withReaped) {
            ticks += Long.parseLong(stat.get(13)) + Long.parseLong(stat.get(14));
        }
        return OptionalDouble.of(ticks);
    }

    /**
     * The fields of {@code /proc/<pid>/stat} after the command name (which may hold spaces): index 0 is the state, 1
     * the parent's pid, 11 and 12 user and system ticks, 13 and 14 those of reaped children. Null when the process is
     * gone or unreadable.
     */
    private static List<String> stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return List.of(line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
