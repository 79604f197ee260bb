package org.firstline.rota;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.firstline.directory.AgentView;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.email.EmailAdministration;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Changes to a published rota are mailed to the people they move and to the rotation's team, with notice warnings. */
class RotaMailIT extends ApiTest {
    static TestMailServer mail;

    @Autowired
    Rotations rotations;

    @Autowired
    RotaPublishing publishing;

    @Autowired
    RotaOverrides overrides;

    @Autowired
    TeamService teams;

    @Autowired
    EmailAdministration email;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startMailServer() {
        mail = new TestMailServer("rota-desk@firstline.test");
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    /** Sends what the rota queued from this test's mailbox, whichever mailbox of the shared database it picked. */
    private void send(long rotationId) {
        long mailbox = mail.mailbox(api(AgentRole.ADMIN), "Rota desk");
        jdbc.sql(
                        "update outbound_email set mailbox_id = ? where kind = 'ROTA_CHANGE' and status = 'QUEUED' and body like ?")
                .params(mailbox, "%/rotas/" + rotationId + "\n%")
                .update();
        email.sendOutbox();
    }

    private static String body(MimeMessage message) {
        return org.firstline.support.Mails.text(message);
    }

    @Test
    void theMovedPeopleAndTheTeamHearOfAChangeWithAWarningWhenNoticeIsShort() throws Exception {
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        mail.mailbox(api(AgentRole.ADMIN), "Rota desk");
        AgentView ann = newAgent(AgentRole.AGENT),
                bob = newAgent(AgentRole.AGENT),
                cat = newAgent(AgentRole.AGENT),
                outsider = newAgent(AgentRole.AGENT);
        long team = teams.create(new TeamForm(unique("Platform"), "", List.of(ann.id(), bob.id(), cat.id())))
                .id();
        var rotation = rotations.create(new RotationForm(
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
        rotations.setMembers(
                rotation.id(), List.of(new MemberForm(ann.id(), null, false), new MemberForm(bob.id(), null, false)));
        // a draft changes without telling anyone
        rotations.setMembers(
                rotation.id(), List.of(new MemberForm(bob.id(), null, false), new MemberForm(ann.id(), null, false)));
        publishing.publish(rotation.id(), false);
        send(rotation.id());
        assertThat(mail.sentTo(ann.email())).isEmpty();

        // two days before the first handoff: less than the week's notice
        rotations.setMembers(
                rotation.id(), List.of(new MemberForm(ann.id(), null, false), new MemberForm(bob.id(), null, false)));
        send(rotation.id());
        for (var person : List.of(ann, bob, cat)) {
            var sent = mail.sentTo(person.email());
            assertThat(sent).as(person.username()).hasSize(1);
            assertThat(sent.getFirst().getSubject()).contains(rotation.name()).contains("Wednesday 2 December 2026");
            assertThat(body(sent.getFirst()))
                    .contains("less notice")
                    .contains(ann.displayName())
                    .contains(bob.displayName());
        }
        assertThat(body(mail.sentTo(ann.email()).getFirst())).contains("Your shifts change");
        assertThat(body(mail.sentTo(cat.email()).getFirst())).doesNotContain("Your shifts change");
        assertThat(mail.sentTo(outsider.email())).isEmpty();

        // three weeks ahead is enough notice: no warning
        overrides.add(
                rotation.id(),
                new OverrideForm(null, "2026-12-23T10:00:00Z", "2026-12-24T10:00:00Z", bob.id(), outsider.id()));
        send(rotation.id());
        var toOutsider = mail.sentTo(outsider.email());
        assertThat(toOutsider).hasSize(1);
        assertThat(body(toOutsider.getFirst())).doesNotContain("less notice").contains("/rotas/" + rotation.id());
        assertThat(mail.sentTo(cat.email())).hasSize(2);
    }
}
