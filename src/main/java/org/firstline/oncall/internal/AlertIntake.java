package org.firstline.oncall.internal;

import java.time.Clock;
import org.firstline.oncall.AlertSeverities;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Posts from monitoring systems, read (outside any transaction) and then written by {@link AlertWriter}. */
@Service
public class AlertIntake {
    private final AlertWriter writer;
    private final AlertSeverities severities;
    private final OnCallHours hours;
    private final Clock clock;

    AlertIntake(AlertWriter writer, AlertSeverities severities, OnCallHours hours, Clock clock) {
        this.writer = writer;
        this.severities = severities;
        this.hours = hours;
        this.clock = clock;
    }

    public AlertWriter.Outcome alertmanager(SourceRef source, JsonNode body) {
        return receive(source, AlertmanagerPayload.parse(body, severities::of));
    }

    public AlertWriter.Outcome generic(SourceRef source, JsonNode body) {
        return receive(source, GenericPayload.parse(body, severities::of));
    }

    public AlertWriter.Outcome receive(SourceRef source, Incoming incoming) {
        boolean inHours = !incoming.firing() || hours.inHours(source.calendarId(), clock.instant());
        return writer.receive(source, incoming, inHours);
    }
}
