package org.firstline.feeds.internal;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.io.text.ICalWriter;
import biweekly.parameter.Related;
import biweekly.property.CalendarScale;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Method;
import biweekly.property.Trigger;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Writes a feed with the calendar library: UTC times (no VTIMEZONE for clients to misread), and lines folded at 75
 * octets ourselves because the library counts characters, which a name in another script would overrun.
 */
public final class FeedCalendar {
    static final int OCTETS = 75;

    private FeedCalendar() {}

    /** One shift as an event; {@code reminders} are how long before it starts to remind (none on a rota's feed). */
    public record Event(String uid, Instant startsAt, Instant endsAt, String summary, String description) {}

    /** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    public static String write(String name, Instant stamp, List<Event> events, List<java.time.Duration> reminders) {
        var ical = new ICalendar();
        ical.setProductId("-//Firstline//Calendar feeds//EN");
        ical.setCalendarScale(CalendarScale.gregorian());
        ical.setMethod(Method.publish());
        // the library writes an unknown property as given: escaped here as TEXT, as it escapes a summary
        ical.setExperimentalProperty("X-WR-CALNAME", text(name));
        ical.setExperimentalProperty("X-PUBLISHED-TTL", "PT1H");
        for (var e : events) {
            var event = new VEvent();
            event.setUid(e.uid());
            event.setDateTimeStamp(Date.from(stamp));
            event.setDateStart(new DateStart(Date.from(e.startsAt()), true));
            event.setDateEnd(new DateEnd(Date.from(e.endsAt()), true));
            event.setSummary(e.summary());
            event.setDescription(e.description());
            for (var before : reminders) {
                var prior = new biweekly.util.Duration.Builder().prior(true);
                // only the parts that are there: -P1D and -PT1H, as calendar apps write them
                if (before.toDays() > 0) prior.days((int) before.toDays());
                if (before.toHoursPart() > 0) prior.hours(before.toHoursPart());
                if (before.toMinutesPart() > 0) prior.minutes(before.toMinutesPart());
                event.addAlarm(VAlarm.display(new Trigger(prior.build(), Related.START), e.summary()));
            }
            ical.addEvent(event);
        }
        var out = new StringWriter();
        try (var writer = new ICalWriter(out, ICalVersion.V2_0)) {
            writer.getVObjectWriter().getFoldedLineWriter().setLineLength(null);
            writer.write(ical);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fold(out.toString());
    }

    /** RFC 5545 3.1: no line longer than 75 octets; a fold never splits a UTF-8 sequence. */
    static String fold(String unfolded) {
        var folded = new StringBuilder(unfolded.length() + unfolded.length() / 60);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }
}
