package org.firstline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.firstline.rota.Duties;
import org.firstline.rota.Duty;
import org.firstline.rota.OnShift;
import org.firstline.rota.RotationView;
import org.firstline.rota.Rotations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo runs a published exterminator rota and dxw-style first line and opt-in on call, planned months ahead. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "firstline.demo-data=true")
class DemoRotasIT {
    @Autowired
    Rotations rotations;

    @Autowired
    Duties duties;

    @Autowired
    Clock clock;

    @Autowired
    org.firstline.oncall.EscalationPolicies policies;

    @Autowired
    org.firstline.oncall.AlertSources sources;

    @Test
    void theDemoRotasArePublishedAndSomeoneIsOnCallTonight() {
        Map<String, RotationView> byName =
                rotations.list().stream().collect(Collectors.toMap(RotationView::name, r -> r, (a, b) -> a));
        assertThat(byName).containsKeys("Exterminator", "First line", "On call");
        assertThat(byName.values()).allMatch(RotationView::published);
        assertThat(byName.get("First line").roles()).containsExactly("developer", "operations");
        var now = clock.instant();
        var ahead = rotations.shifts(byName.get("On call").id(), now, now.plus(Duration.ofDays(120)));
        assertThat(ahead.getLast().endsAt()).isAfter(now.plus(Duration.ofDays(90)));
        // 03:00 London tomorrow is out of hours: the on-call person of the week is on, one of the two who opted in
        var night = LocalDate.now(clock).plusDays(1).atTime(LocalTime.of(3, 0)).atZone(ZoneId.of("Europe/London"));
        var onCall = duties.on(Duty.ON_CALL, null, night.toInstant());
        assertThat(onCall)
                .extracting(OnShift::agentName)
                .hasSize(1)
                .allMatch(n -> n.equals("Maya Okafor") || n.equals("Tom Lindqvist"));
        assertThat(duties.on(Duty.FIRST_LINE, null, night.toInstant())).isEmpty();

        // an alert from the demo's Prometheus pages whoever is on call, then first line
        var policy = policies.list().stream()
                .filter(p -> p.name().equals("Operations"))
                .findFirst()
                .orElseThrow();
        assertThat(policy.steps())
                .extracting(s -> s.targets().getFirst().rotationId())
                .containsExactly(
                        byName.get("On call").id(), byName.get("First line").id());
        assertThat(sources.list())
                .anySatisfy(source -> assertThat(source.escalationPolicyId()).isEqualTo(policy.id()));
    }
}
