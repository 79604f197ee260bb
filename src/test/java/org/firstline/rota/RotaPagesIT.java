package org.firstline.rota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentView;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rota list, a rota read by someone who does not plan, and the duty page where the person on duty ticks items. */
class RotaPagesIT extends ApiTest {
    @Autowired
    Rotations rotations;

    @Autowired
    RotaPublishing publishing;

    @Autowired
    DutyChecklists checklists;

    @Test
    void whoIsOnNowAndTheirChecklistOnTheDutyPage() {
        clock.set(Instant.parse("2026-12-03T12:00:00Z"));
        AgentView ann = newAgent(AgentRole.AGENT), bob = newAgent(AgentRole.READ_ONLY);
        var rotation = rotations.create(new RotationForm(
                unique("Exterminator"),
                null,
                "TRIAGE_DESK",
                "MONDAY",
                "09:00",
                "Europe/London",
                7,
                null,
                null,
                "2026-11-30",
                null));
        rotations.setMembers(rotation.id(), List.of(new MemberForm(ann.id(), null, false)));
        publishing.publish(rotation.id(), true);
        var item = checklists.add(rotation.id(), "Weekly release", "THURSDAY");

        var reader = signedIn(bob);
        var list = reader.get("/rotas", "text/html");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains(rotation.name())
                .contains(ann.displayName())
                .doesNotContain("Plan a rota");
        var page = reader.get("/rotas/" + rotation.id(), "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("aria-current=\"date\"")
                .contains(ann.displayName())
                .doesNotContain("Save members");

        var browser = signedIn(ann);
        var duties = browser.get("/duties", "text/html");
        assertThat(duties.status()).isEqualTo(200);
        assertThat(duties.body())
                .contains(rotation.name())
                .contains(ann.displayName())
                .contains("Weekly release");
        String csrf = ApiClient.csrfToken(duties.body());
        var ticked = browser.postForm(
                "/duties/" + rotation.id() + "/checklist/" + item.id(), Map.of("dueOn", "2026-12-03", "_csrf", csrf));
        assertThat(ticked.status()).isEqualTo(302);
        assertThat(browser.get("/duties", "text/html").body()).contains("done by " + ann.displayName());
        // at a time before the rota began nobody is on it
        assertThat(browser.get("/duties?at=2026-11-01T12:00:00Z", "text/html").body())
                .contains("nobody");
    }
}
