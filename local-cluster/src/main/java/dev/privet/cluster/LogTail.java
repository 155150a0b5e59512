package dev.privet.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, from a given offset (the start of the current run) on. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    /** The file's size, or 0 when it does not exist yet. */
    static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** At most {@code lines} last lines written at or after {@code fromOffset}, joined by newlines. */
    static String of(Path file, long fromOffset, int lines) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            long start = Math.max(Math.min(fromOffset, end), end - MAX_BYTES);
            byte[] bytes = new byte[(int) (end - start)];
            in.seek(start);
            in.readFully(bytes);
            return lastLines(new String(bytes, StandardCharsets.UTF_8), lines);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    static String lastLines(String text, int lines) {
        List<String> all = Arrays.asList(text.split("\\R"));
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
