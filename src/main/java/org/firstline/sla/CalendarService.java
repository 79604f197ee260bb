package org.firstline.sla;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.firstline.platform.AfterCommit;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.sla.internal.IcsHolidays;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Business calendars: their hours, holidays and time zone, and the arithmetic on them. */
@Service
public class CalendarService {
    /** How long a node keeps calendars and policies: another node's edits are seen within it, this node's at once. */
    public static final java.time.Duration KEPT_FOR = java.time.Duration.ofSeconds(2);

    private static final long RELOAD_NANOS = KEPT_FOR.toNanos();

    private record Loaded(BusinessTimeCalculator calculator, long at) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Long, Loaded> calculators = new ConcurrentHashMap<>();
    private final org.springframework.context.ApplicationEventPublisher events;

    CalendarService(JdbcClient jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public List<CalendarView> list() {
        return jdbc.sql("select id from business_calendar order by lower(name)").query(Long.class).list().stream()
                .map(id -> get(Objects.requireNonNull(id, "a primary key")))
                .toList();
    }

    public CalendarView get(long id) {
        var row = jdbc.sql("select name, time_zone, around_the_clock from business_calendar where id = ?")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)})
                .optional()
                .orElseThrow(() -> new NotFoundException("Calendar " + id + " does not exist."));
        var hours = jdbc.sql(
                        "select weekday, from_minute, to_minute from business_hours where calendar_id = ? order by weekday, from_minute")
                .param(id)
                .query((rs, n) -> new HoursRange(DayOfWeek.of(rs.getInt(1)), rs.getInt(2), rs.getInt(3)))
                .list();
        var holidays = jdbc.sql("select day, name from business_holiday where calendar_id = ? order by day")
                .param(id)
                .query((rs, n) -> new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2)))
                .list();
        return new CalendarView(id, (String) row[0], (String) row[1], (Boolean) row[2], hours, holidays);
    }

    @Transactional
    public CalendarView create(CalendarForm form) {
        var hours = check(form);
        try {
            long id = jdbc.sql(
                            "insert into business_calendar (name, time_zone, around_the_clock, created_at) values (?, ?, ?, ?) returning id")
                    .params(
                            form.name().strip(),
                            form.timeZone().strip(),
                            form.aroundTheClock(),
                            Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            writeHours(id, hours);
            allHours = null;
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A calendar named '" + form.name().strip() + "' already exists.");
        }
    }

    @Transactional
    public CalendarView update(long id, CalendarForm form) {
        get(id);
        var hours = check(form);
        try {
            jdbc.sql("update business_calendar set name = ?, time_zone = ?, around_the_clock = ? where id = ?")
                    .params(form.name().strip(), form.timeZone().strip(), form.aroundTheClock(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A calendar named '" + form.name().strip() + "' already exists.");
        }
        jdbc.sql("delete from business_hours where calendar_id = ?").param(id).update();
        writeHours(id, hours);
        changed(id);
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        get(id);
        try {
            jdbc.sql("delete from business_calendar where id = ?").param(id).update();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(
                    "The calendar is used by an SLA policy; give the policy another calendar first.");
        }
        changed(id);
    }

    @Transactional
    public CalendarView addHoliday(long id, Holiday holiday) {
        get(id);
        if (holiday.day() == null) throw new InvalidRequestException("day", "is required");
        String name = holiday.name() == null ? "" : holiday.name().strip();
        if (name.length() > 200) throw new InvalidRequestException("name", "must be at most 200 characters");
        jdbc.sql(
                        "insert into business_holiday (calendar_id, day, name) values (?, ?, ?) on conflict (calendar_id, day) do update set name = excluded.name")
                .params(id, Date.valueOf(holiday.day()), name)
                .update();
        changed(id);
        return get(id);
    }

    @Transactional
    public CalendarView removeHoliday(long id, java.time.LocalDate day) {
        get(id);
        if (jdbc.sql("delete from business_holiday where calendar_id = ? and day = ?")
                        .params(id, Date.valueOf(day))
                        .update()
                == 0) {
            throw new NotFoundException("The calendar has no holiday on " + day + ".");
        }
        changed(id);
        return get(id);
    }

    /** Adds every holiday in an iCalendar file; days already there keep their place and take the file's name. */
    @Transactional
    public int importHolidays(long id, String ics) {
        get(id);
        var holidays = IcsHolidays.parse(ics);
        for (Holiday h : holidays) addHoliday(id, h);
        return holidays.size();
    }

    /** The due instant for a start, an amount and pauses; with an end, also the working minutes from start to it. */
    public CalendarPreview preview(
            long id, Instant start, long amount, TargetUnit unit, List<Interval> pauses, @Nullable Instant end) {
        if (start == null) throw new InvalidRequestException("start", "is required");
        if (amount < 0 || amount > 1_000_000) throw new InvalidRequestException("amount", "must be 0 to 1000000");
        if (unit == TargetUnit.WORKING_DAYS && amount > SlaPolicies.MAX_WORKING_DAYS) {
            throw new InvalidRequestException(
                    "amount", "must be at most " + SlaPolicies.MAX_WORKING_DAYS + " working days");
        }
        for (Interval p : pauses) {
            if (p.open()) throw new InvalidRequestException("pauses", "each pause needs an end in a preview");
        }
        var calculator = calculator(id);
        Instant due;
        Long between;
        try {
            due = unit == TargetUnit.WORKING_DAYS
                    ? calculator.addWorkingDays(start, Math.toIntExact(amount), pauses)
                    : calculator.add(start, Duration.ofMinutes(amount), pauses);
            between =
                    end == null ? null : calculator.between(start, end, pauses).toMinutes();
        } catch (IllegalStateException e) {
            throw new InvalidRequestException("amount", "cannot be reached: " + e.getMessage());
        }
        return new CalendarPreview(
                start,
                due,
                due.atZone(ZoneId.of(get(id).timeZone())).toOffsetDateTime().toString(),
                between);
    }

    private volatile @Nullable Loaded24 allHours;

    private record Loaded24(java.util.Optional<Long> id, long at) {}

    /** The around-the-clock calendar critical tickets of 24/7 plans run on: the oldest there is, if any. */
    public java.util.Optional<Long> aroundTheClock() {
        Loaded24 loaded = allHours;
        if (loaded == null || System.nanoTime() - loaded.at() > RELOAD_NANOS) {
            loaded = new Loaded24(
                    jdbc.sql("select id from business_calendar where around_the_clock order by id limit 1")
                            .query(Long.class)
                            .optional(),
                    System.nanoTime());
            allHours = loaded;
        }
        return loaded.id();
    }

    /** The arithmetic for a calendar, kept ready between uses. */
    public BusinessTimeCalculator calculator(long id) {
        Loaded loaded = calculators.get(id);
        if (loaded == null || System.nanoTime() - loaded.at() > RELOAD_NANOS) {
            var view = get(id);
            var calendar = new BusinessCalendar(
                    ZoneId.of(view.timeZone()),
                    view.aroundTheClock(),
                    view.hours(),
                    new HashSet<>(view.holidays().stream().map(Holiday::day).toList()));
            loaded = new Loaded(new BusinessTimeCalculator(calendar), System.nanoTime());
            calculators.put(id, loaded);
        }
        return loaded.calculator();
    }

    private void changed(long id) {
        calculators.remove(id);
        allHours = null;
        AfterCommit.run(() -> {
            calculators.remove(id);
            allHours = null;
        });
        events.publishEvent(new SlaSettingsChanged("calendar " + id));
    }

    @SuppressWarnings(
            "ReferenceEquality") // a range against every other entry, not every unequal one: two equal ranges overlap
    private List<HoursRange> check(CalendarForm form) {
        try {
            ZoneId.of(form.timeZone().strip());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timeZone", "is not an IANA time zone such as Europe/London");
        }
        var hours = new ArrayList<HoursRange>();
        for (CalendarForm.Hours h : form.hours() == null ? List.<CalendarForm.Hours>of() : form.hours()) {
            hours.add(HoursRange.of(h.day(), h.from(), h.to()));
        }
        if (!form.aroundTheClock() && hours.isEmpty()) {
            throw new InvalidRequestException(
                    "hours", "a calendar needs working hours on at least one day, or to be around the clock");
        }
        for (HoursRange a : hours) {
            for (HoursRange b : hours) {
                if (a != b && a.day() == b.day() && a.fromMinute() < b.toMinute() && b.fromMinute() < a.toMinute()) {
                    throw new InvalidRequestException(
                            "hours",
                            "the hours " + a.from() + "–" + a.to() + " and " + b.from() + "–" + b.to() + " on "
                                    + a.day() + " overlap");
                }
            }
        }
        return hours;
    }

    private void writeHours(long id, List<HoursRange> hours) {
        for (HoursRange h : hours) {
            jdbc.sql("insert into business_hours (calendar_id, weekday, from_minute, to_minute) values (?, ?, ?, ?)")
                    .params(id, h.day().getValue(), h.fromMinute(), h.toMinute())
                    .update();
        }
    }
}
