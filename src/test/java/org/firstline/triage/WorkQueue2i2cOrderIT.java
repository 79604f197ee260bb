package org.firstline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 2i2c's eight-step order, table by table: each open non-incident ticket of one team is ranked by the first rule it
 * meets, oldest first within a rule, in the database over all of them (an old funded request included), a page at a
 * time; the budget share of rule 5 is an admin's setting.
 */
class WorkQueue2i2cOrderIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    /** One row of the table: a ticket's facts and the rule it must get. */
    record Case(
            String subject,
            String organization,
            boolean funded,
            String impact,
            String factors,
            boolean sharedIssue,
            long ageHours,
            int rule) {}

    private long team;
    private long contact;
    private long agent;
    private final java.util.Map<String, Long> organizations = new java.util.HashMap<>();

    @Test
    void ranksEveryOpenNonIncidentTicketByTheFirstOf2i2csRulesItMeets() {
        setUp();
        // organizations: A has used 20 % of its 10 hours, B 60 %, C all of it, D has no plan
        var table = List.of(
                new Case("old funded request, no budget left", "C", true, "MINOR", null, false, 24 * 400, 1),
                new Case("same issue as another organization", "B", false, "MINOR", null, true, 30, 2),
                new Case("aligned with our goals", "C", false, "MINOR", "goals", false, 29, 3),
                new Case("aligned with upstream, no plan", "D", false, "MINOR", "upstream", false, 28, 4),
                new Case("little budget used, older", "A", false, "MINOR", null, false, 27, 5),
                new Case("little budget used, newer", "A", false, "NONE", null, false, 3, 5),
                new Case("major impact, over half used", "B", false, "MAJOR", null, false, 26, 6),
                new Case("outage, no budget left", "C", false, "OUTAGE", null, false, 25, 6),
                new Case("over half used, minor", "B", false, "MINOR", null, false, 24, 7),
                new Case("no budget left, minor", "C", false, "MINOR", null, false, 23, 8),
                new Case("no plan, minor", "D", false, "DEGRADED", null, false, 22, 8),
                new Case("no organization", null, false, "MINOR", null, false, 21, 8));
        var shuffled = new ArrayList<>(table);
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        shuffled.forEach(this::ticket);
        // not in the queue: an incident, a pending ticket, another team's ticket
        insertTicket("an incident", organizations.get("A"), "INCIDENT", "OPEN", team, true, "MINOR", 40);
        insertTicket("waiting on the customer", organizations.get("A"), "QUESTION", "PENDING", team, true, "MINOR", 40);

        var api = api(AgentRole.AGENT);
        var page = api.get("/api/v1/triage/work-queue?teamId=" + team + "&limit=50");
        assertThat(page.status()).isEqualTo(200);
        assertThat(subjects(page.json()))
                .containsExactlyElementsOf(table.stream().map(Case::subject).toList());
        assertThat(ints(page.json(), "rule"))
                .containsExactlyElementsOf(table.stream().map(Case::rule).toList());
        assertThat(page.json().get("total").asInt()).isEqualTo(12);
        assertThat(page.json().get("budgetSharePercent").asInt()).isEqualTo(50);
        var items = page.json().get("items");
        assertThat(items.get(0).get("ruleWords").asString()).isEqualTo("funded request");
        assertThat(items.get(4).get("ruleWords").asString())
                .isEqualTo("its organization has used under 50 % of this period's budget");
        assertThat(items.get(4).get("why").asString()).isEqualTo("20 % of budget used");
        assertThat(items.get(8).get("ruleWords").asString()).isEqualTo("our other work");
        assertThat(items.get(8).get("belowCutLine").asBoolean()).isFalse();
        assertThat(items.get(9).get("belowCutLine").asBoolean()).isTrue();
        assertThat(items.get(9).get("why").asString()).isEqualTo("budget used up");
        assertThat(items.get(10).get("why").asString()).isEqualTo("no support budget");

        // a page at a time, ranked over all of them
        var second = api.get("/api/v1/triage/work-queue?teamId=" + team + "&limit=5&offset=5")
                .json();
        assertThat(subjects(second))
                .containsExactlyElementsOf(
                        table.subList(5, 10).stream().map(Case::subject).toList());
        assertThat(second.get("total").asInt()).isEqualTo(12);
        var past = api.get("/api/v1/triage/work-queue?teamId=" + team + "&limit=5&offset=40")
                .json();
        assertThat(past.get("items").size()).isZero();
        assertThat(past.get("total").asInt()).isEqualTo(12);
        assertThat(api.get("/api/v1/triage/work-queue?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/triage/work-queue?offset=-1").status()).isEqualTo(400);

        // the page shows each ticket's rule and the cut line
        String html = signedIn(newAgent(AgentRole.READ_ONLY))
                .get("/triage/work?teamId=" + team, "text/html")
                .body();
        assertThat(html)
                .contains("data-rule=\"1\"")
                .contains("data-rule=\"8\"")
                .contains("Our other work — the cut line")
                .doesNotContain("Rule 5: budget used under");
    }

    @Test
    void anAdminMovesRuleFivesLineAndOthersCannot() {
        setUp();
        ticket(new Case("sixty percent used, major", "B", false, "MAJOR", null, false, 10, 6));
        ticket(new Case("sixty percent used, minor", "B", false, "MINOR", null, false, 9, 7));
        var admin = api(AgentRole.ADMIN);
        assertThat(api(AgentRole.AGENT)
                        .put("/api/v1/triage/work-queue/settings", ApiClient.map("budgetSharePercent", 70))
                        .status())
                .isEqualTo(403);
        assertThat(admin.put("/api/v1/triage/work-queue/settings", ApiClient.map("budgetSharePercent", 0))
                        .status())
                .isEqualTo(400);
        assertThat(admin.put("/api/v1/triage/work-queue/settings", ApiClient.map("budgetSharePercent", 101))
                        .status())
                .isEqualTo(400);
        try {
            var saved = admin.put("/api/v1/triage/work-queue/settings", ApiClient.map("budgetSharePercent", 70));
            assertThat(saved.status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/triage/work-queue/settings")
                            .json()
                            .get("budgetSharePercent")
                            .asInt())
                    .isEqualTo(70);
            var page = admin.get("/api/v1/triage/work-queue?teamId=" + team).json();
            assertThat(ints(page, "rule")).containsExactly(5, 5);
            assertThat(page.get("items").get(0).get("ruleWords").asString()).contains("under 70 %");
            assertThat(jdbc.sql(
                                    "select count(*) from audit_entry where entity = 'work_queue_settings' and field = 'budget_share_percent' "
                                            + "and after = '70'")
                            .query(Integer.class)
                            .single())
                    .isPositive();
        } finally {
            admin.put("/api/v1/triage/work-queue/settings", ApiClient.map("budgetSharePercent", 50));
        }
        assertThat(ints(admin.get("/api/v1/triage/work-queue?teamId=" + team).json(), "rule"))
                .containsExactly(6, 7);
    }

    private void setUp() {
        Instant now = clock.instant();
        String suffix = unique("");
        team = jdbc.sql("insert into team (name, created_at) values (?, ?) returning id")
                .params("Work queue " + suffix, Timestamp.from(now))
                .query(Long.class)
                .single();
        contact = jdbc.sql("insert into contact (name, created_at) values ('Wanda Queue', ?) returning id")
                .param(Timestamp.from(now))
                .query(Long.class)
                .single();
        agent = newAgent(AgentRole.AGENT).id();
        long plan = jdbc.sql(
                        "insert into support_plan (name, budget_hours, budget_period, created_at) values (?, 10, 'MONTH', ?) returning id")
                .params("Ten hours " + suffix, Timestamp.from(now))
                .query(Long.class)
                .single();
        int[] used = {120, 360, 600};
        String[] names = {"A", "B", "C"};
        for (int i = 0; i < 3; i++) {
            long org = jdbc.sql("insert into organization (name, plan_id, created_at) values (?, ?, ?) returning id")
                    .params("Org " + names[i] + suffix, plan, Timestamp.from(now))
                    .query(Long.class)
                    .single();
            organizations.put(names[i], org);
            // billable time this period on a closed request of the organization's: what its budget used is made of
            long closed = insertTicket("closed work", org, "QUESTION", "CLOSED", null, false, "MINOR", 100);
            jdbc.sql(
                            "insert into time_entry (ticket_id, agent_id, minutes, billable, worked_at, created_at) values (?, ?, ?, true, ?, ?)")
                    .params(closed, agent, used[i], Timestamp.from(now), Timestamp.from(now))
                    .update();
        }
        organizations.put(
                "D",
                jdbc.sql("insert into organization (name, created_at) values (?, ?) returning id")
                        .params("Org D" + suffix, Timestamp.from(now))
                        .query(Long.class)
                        .single());
    }

    private void ticket(Case c) {
        Long org = c.organization() == null ? null : organizations.get(c.organization());
        long id = insertTicket(c.subject(), org, "CHANGE_REQUEST", "OPEN", team, c.funded(), c.impact(), c.ageHours());
        if (c.factors() != null) {
            jdbc.sql(
                            "insert into ticket_priority_factors (ticket_id, aligned_with_goals, aligned_with_upstream, updated_at) values (?, ?, ?, ?)")
                    .params(
                            id,
                            c.factors().equals("goals"),
                            c.factors().equals("upstream"),
                            Timestamp.from(clock.instant()))
                    .update();
        }
        if (c.sharedIssue()) {
            String url = "https://github.com/example/infra/issues/" + id;
            long other = insertTicket(
                    "the same issue elsewhere", organizations.get("A"), "BUG", "CLOSED", null, false, "MINOR", 50);
            for (long t : new long[] {id, other}) {
                jdbc.sql(
                                "insert into ticket_link (ticket_id, kind, url, created_at) values (?, 'EXTERNAL_ISSUE', ?, ?)")
                        .params(t, url, Timestamp.from(clock.instant()))
                        .update();
            }
        }
    }

    private long insertTicket(
            String subject,
            Long org,
            String type,
            String status,
            Long teamId,
            boolean funded,
            String impact,
            long ageHours) {
        Instant created = clock.instant().minus(Duration.ofHours(ageHours));
        return jdbc.sql("""
                insert into ticket (subject, requester_id, organization_id, channel, type, priority, impact, status, pending_reason,
                                    team_id, funded, created_at, updated_at)
                values (?, ?, ?, 'API', ?, 'NORMAL', ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        subject,
                        contact,
                        org,
                        type,
                        impact,
                        status,
                        status.equals("PENDING") ? "CUSTOMER" : null,
                        teamId,
                        funded,
                        Timestamp.from(created),
                        Timestamp.from(created))
                .query(Long.class)
                .single();
    }

    private static List<String> subjects(JsonNode page) {
        var list = new ArrayList<String>();
        page.get("items").forEach(i -> list.add(i.get("subject").asString()));
        return list;
    }

    private static List<Integer> ints(JsonNode page, String field) {
        var list = new ArrayList<Integer>();
        page.get("items").forEach(i -> list.add(i.get(field).asInt()));
        return list;
    }
}
