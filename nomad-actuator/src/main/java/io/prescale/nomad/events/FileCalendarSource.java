package io.prescale.nomad.events;

import io.prescale.core.forecast.EventCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A calendar file ({@link EventCalendar#parse}) watched by its modification time and size: re-read and re-parsed only
 * when either changes. A file that disappears or no longer parses keeps the last good calendar and reports why.
 */
public final class FileCalendarSource implements CalendarSource {
    /** Longest calendar file read; a calendar of scheduled events is small. */
    public static final long MAX_BYTES = 16L << 20;

    private final Path file;
    private FileTime seenTime;
    private long seenSize = -1;
    private Snapshot last;
    private long version;

    private FileCalendarSource(Path file) {
        this.file = file;
    }

    /**
     * Opens and reads the file once.
     *
     * @throws IllegalArgumentException when it cannot be read or parsed now (a bad start is bad input)
     */
    public static FileCalendarSource open(Path file) {
        FileCalendarSource s = new FileCalendarSource(Objects.requireNonNull(file, "file"));
        Snapshot first = s.current();
        if (first.error() != null) {
            throw new IllegalArgumentException(first.error());
        }
        return s;
    }

    @Override
    public synchronized Snapshot current() {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (last != null && time.equals(seenTime) && size == seenSize) {
                return last;
            }
            if (size > MAX_BYTES) {
                return failed("events file " + file + " is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            EventCalendar calendar =
                    EventCalendar.parse(Files.readString(file, StandardCharsets.UTF_8), "events file " + file);
            seenTime = time;
            seenSize = size;
            last = new Snapshot(calendar, ++version, file.toString(), null);
            return last;
        } catch (IOException e) {
            return failed("cannot read events file " + file + ": " + e);
        } catch (IllegalArgumentException e) {
            return failed(e.getMessage());
        }
    }

    private Snapshot failed(String why) {
        EventCalendar calendar = last == null ? EventCalendar.empty() : last.calendar();
        return new Snapshot(calendar, last == null ? 0 : last.version(), file.toString(), why);
    }
}
