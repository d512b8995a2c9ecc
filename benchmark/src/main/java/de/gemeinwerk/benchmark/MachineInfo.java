package de.gemeinwerk.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine, for the benchmark record: CPU model, cores, memory, Java. */
final class MachineInfo {

    private MachineInfo() {}

    static String describe() {
        return cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", Java "
                + Runtime.version().feature();
    }

    private static String cpu() {
        return line(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse(System.getProperty("os.arch"));
    }

    private static String memory() {
        return line(Path.of("/proc/meminfo"), "MemTotal").map(l -> {
            long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
            return String.format("%.0f GiB RAM", kb / 1024.0 / 1024.0);
        }).orElse("unknown RAM");
    }

    private static java.util.Optional<String> line(Path file, String prefix) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
