package de.gemeinwerk.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time (user + system) spent by this JVM and by the embedded PostgreSQL (its postmaster, its live backends and
 * the backends that have ended), read from /proc. On a machine that other work keeps busy, throughput says little;
 * the CPU seconds a run costs per uplink do not depend on what else runs. Without /proc (not Linux) PostgreSQL's
 * share reads as zero.
 */
final class CpuUse {

    /** The kernel reports process times in USER_HZ ticks, which is 100 on every Linux ABI Java runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** CPU nanoseconds of the JVM process and of PostgreSQL at one moment. */
    record Sample(long jvmNanos, long postgresNanos) {

        Sample minus(Sample earlier) {
            return new Sample(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
        }
    }

    private final Path postmasterPidFile;

    /** @param postgresDataDir the embedded PostgreSQL's data directory (it holds postmaster.pid) */
    CpuUse(Path postgresDataDir) {
        this.postmasterPidFile = postgresDataDir.resolve("postmaster.pid");
    }

    Sample now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Sample(jvm, postgresTicks() * NANOS_PER_TICK);
    }

    private long postgresTicks() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postmasterPidFile).getFirst().trim());
            List<String> own = fields(postmaster);
            // utime + stime of the postmaster, cutime + cstime: the backends that ended and were waited for
            long ticks = ticks(own, 11) + ticks(own, 12) + ticks(own, 13) + ticks(own, 14);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().chars()
                        .allMatch(Character::isDigit)).toList()) {
                    List<String> fields = fields(Long.parseLong(process.getFileName().toString()));
                    if (fields.size() > 14 && fields.get(1).equals(Long.toString(postmaster))) {
                        ticks += ticks(fields, 11) + ticks(fields, 12);
                    }
                }
            }
            return ticks;
        } catch (IOException | RuntimeException notReadable) {
            return 0;
        }
    }

    /** The fields of /proc/{pid}/stat after the command name: index 0 is the state, 1 the parent, 11 utime, ... */
    private static List<String> fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" "));
        } catch (IOException | RuntimeException gone) {
            return List.of(); // the process ended meanwhile
        }
    }

    private static long ticks(List<String> fields, int index) {
        return Long.parseLong(fields.get(index));
    }
}
