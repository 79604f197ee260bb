package org.firstline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.firstline.support.ApiClient.map;

import java.time.Instant;
import java.util.List;
import org.firstline.directory.AgentView;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.platform.AgentRole;
import org.firstline.platform.ConflictException;
import org.firstline.rota.MemberForm;
import org.firstline.rota.OutOfOffice;
import org.firstline.rota.RotaPublishing;
import org.firstline.rota.RotationForm;
import org.firstline.rota.Rotations;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The triage desk's per-team "on duty" is a view of the team's published rota; set by hand only without one. */
class TriageRotaIT extends ApiTest {
    @Autowired
    TeamQueues queues;

    @Autowired
    TeamService teams;

    @Autowired
    Rotations rotations;

    @Autowired
    RotaPublishing publishing;

    @Autowired
    OutOfOffice outOfOffice;

    @Test
    void theTeamsRotaDecidesWhoIsOnDutyTheTriageDeskBeforeFirstLine() {
        clock.set(Instant.parse("2026-12-03T12:00:00Z"));
        AgentView ann = newAgent(AgentRole.AGENT), bob = newAgent(AgentRole.AGENT), cat = newAgent(AgentRole.AGENT);
        long team = teams.create(new TeamForm(unique("Support"), "", List.of(ann.id(), bob.id(), cat.id())))
                .id();
        queues.setOnDuty(team, cat.id());
        assertThat(queues.onDuty(team)).contains(cat.id());

        var firstLine = rotations.create(new RotationForm(
                unique("First line"),
                team,
                "FIRST_LINE",
                "WEDNESDAY",
                "10:00",
                "Europe/London",
                7,
                null,
                null,
                "2026-12-02",
                null));
        rotations.setMembers(firstLine.id(), List.of(new MemberForm(bob.id(), null, false)));
        // a draft rota decides nothing yet
        assertThat(queues.onDuty(team)).contains(cat.id());
        publishing.publish(firstLine.id(), false);
        assertThat(queues.onDuty(team)).contains(bob.id());
        assertThat(queues.queue(team).onDutyAgentId()).isEqualTo(bob.id());
        assertThat(queues.onDutyAnywhere()).contains(bob.id()).doesNotContain(cat.id());

        var desk = rotations.create(new RotationForm(
                unique("Exterminator"),
                team,
                "TRIAGE_DESK",
                "WEDNESDAY",
                "10:00",
                "Europe/London",
                7,
                null,
                null,
                "2026-12-02",
                null));
        rotations.setMembers(desk.id(), List.of(new MemberForm(ann.id(), null, false)));
        publishing.publish(desk.id(), false);
        assertThat(queues.onDuty(team)).contains(ann.id());
        // nobody on the desk (out of office): first line is on duty
        outOfOffice.add(ann.id(), "2026-12-03T00:00:00Z", "2026-12-04T00:00:00Z", "");
        assertThat(queues.onDuty(team)).contains(bob.id());

        assertThatThrownBy(() -> queues.setOnDuty(team, cat.id())).isInstanceOf(ConflictException.class);
        var r = api(AgentRole.ADMIN).put("/api/v1/triage/teams/" + team + "/on-duty", map("agentId", cat.id()));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("override");
    }
}
