package io.prescale.nomad.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.core.forecast.EventCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calendar text and the watched file. */
class CalendarSourcesTest {
    @TempDir
    Path dir;

    @Test
    void parsesNamesKindsHeaderAndCommentsAndMergesOverlapsOfOneKind() {
        EventCalendar c = EventCalendar.parse("""
                name,start,end,kind
                # the cup
                match1,2026-06-01T18:00:00Z,2026-06-01T20:00:00Z
                match2,2026-06-01T19:00:00Z,2026-06-01T21:00:00Z

                mail-7,2026-06-02T09:00:00Z,2026-06-02T10:00:00Z,newsletter
                """, "test");
        assertThat(c.events()).hasSize(2);
        assertThat(c.kinds()).containsExactly("match", "newsletter");
        assertThat(c.mergedOverlaps()).isEqualTo(1);
    }

    @Test
    void aMalformedLineOrAnEndBeforeItsStartNamesTheLine() {
        assertThatThrownBy(() -> EventCalendar.parse("a,2026-06-01T18:00:00Z\n", "events file x"))
                .hasMessageContaining("events file x line 1: expected name,start,end[,kind]");
        assertThatThrownBy(() -> EventCalendar.parse(
                        "ok,2026-06-01T18:00:00Z,2026-06-01T19:00:00Z\nbad,2026-06-01T18:00:00Z,2026-06-01T17:00:00Z\n",
                        "f"))
                .hasMessageContaining("f line 2: ")
                .hasMessageContaining("must end after it starts");
    }

    @Test
    void aWatchedFileIsReparsedWhenItChangesAndABadEditKeepsTheLastGoodCalendar() throws Exception {
        Path file = dir.resolve("events.csv");
        Files.writeString(file, "m1,2026-06-01T18:00:00Z,2026-06-01T20:00:00Z\n");
        FileCalendarSource source = FileCalendarSource.open(file);
        CalendarSource.Snapshot first = source.current();
        assertThat(first.calendar().events()).hasSize(1);
        assertThat(source.current()).isSameAs(first);

        Files.writeString(
                file,
                "m1,2026-06-01T18:00:00Z,2026-06-01T20:00:00Z\nm2,2026-06-03T18:00:00Z," + "2026-06-03T20:00:00Z\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        CalendarSource.Snapshot second = source.current();
        assertThat(second.calendar().events()).hasSize(2);
        assertThat(second.version()).isGreaterThan(first.version());

        Files.writeString(file, "m3,soon,later\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-02T00:00:00Z")));
        CalendarSource.Snapshot bad = source.current();
        assertThat(bad.error()).contains("line 1");
        assertThat(bad.calendar().events()).hasSize(2);
        assertThat(bad.version()).isEqualTo(second.version());
    }

    @Test
    void aFileThatCannotBeReadAtStartIsRefused() {
        assertThatThrownBy(() -> FileCalendarSource.open(dir.resolve("missing.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.csv");
    }
}
