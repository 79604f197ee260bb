package org.firstline.triage.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.firstline.rota.Duties;
import org.firstline.rota.Duty;
import org.firstline.rota.OnShift;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is on duty for a team now, from its rota: the triage desk, or when nobody is on that, first line. A team with
 * no published rota of either duty keeps the person set by hand on the ownership map.
 */
@Component
public class DutyRoster {
    private final JdbcClient jdbc;
    private final Duties duties;
    private final Clock clock;

    DutyRoster(JdbcClient jdbc, Duties duties, Clock clock) {
        this.jdbc = jdbc;
        this.duties = duties;
        this.clock = clock;
    }

    /** Whether a published rota decides the team's duty (then the hand-set person is not used). */
    public boolean rotaDecides(long teamId) {
        return duties.rotaDecides(Duty.TRIAGE_DESK, teamId) || duties.rotaDecides(Duty.FIRST_LINE, teamId);
    }

    /** The team's people on duty now, the rota's first. */
    public List<Long> onDuty(long teamId) {
        if (!rotaDecides(teamId)) return manual(teamId);
        var now = clock.instant();
        var desk = duties.on(Duty.TRIAGE_DESK, teamId, now);
        var people = desk.isEmpty() ? duties.on(Duty.FIRST_LINE, teamId, now) : desk;
        return people.stream().map(OnShift::agentId).distinct().toList();
    }

    /** Everyone on the triage desk or first line for some team now, plus the hand-set people of teams without a rota. */
    public List<Long> onDutyAnywhere() {
        var now = clock.instant();
        Set<Long> people = new LinkedHashSet<>();
        duties.on(Duty.TRIAGE_DESK, null, now).forEach(o -> people.add(o.agentId()));
        duties.on(Duty.FIRST_LINE, null, now).forEach(o -> people.add(o.agentId()));
        var teams = jdbc.sql("select team_id from team_desk where on_duty_agent_id is not null order by team_id")
                .query((rs, n) -> rs.getLong(1))
                .list();
        for (long team : teams) {
            if (!rotaDecides(team)) people.addAll(manual(team));
        }
        return new ArrayList<>(people.stream().sorted().toList());
    }

    private List<Long> manual(long teamId) {
        return jdbc.sql("select on_duty_agent_id from team_desk where team_id = ? and on_duty_agent_id is not null")
                .param(teamId)
                .query((rs, n) -> rs.getLong(1))
                .list();
    }
}
