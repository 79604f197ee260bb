package org.firstline.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.firstline.directory.AgentView;
import org.firstline.directory.ContactView;
import org.firstline.directory.TeamView;
import org.firstline.platform.AuditStamp;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo tickets with a past: they are written with SQL so that each can carry its own history of times. The audit
 * triggers record them like any other change, as made by "system:demo".
 */
@Component
class DemoTickets {
    private record Topic(
            String subject,
            String body,
            String type,
            @Nullable String label,
            int team) {}

    private static final List<Topic> TOPICS = List.of(
            new Topic(
                    "Hub returns 502 after login",
                    "Since this morning everyone gets a 502 Bad Gateway right after signing in.",
                    "INCIDENT",
                    "authentication",
                    0),
            new Topic(
                    "DNS for our custom domain does not resolve",
                    "We pointed our CNAME at you yesterday but the name still does not resolve.",
                    "BUG",
                    "dns",
                    0),
            new Topic(
                    "Please increase home directory quota",
                    "Our researchers hit the 10 GB limit. Could we get 50 GB per user?",
                    "CHANGE_REQUEST",
                    "storage",
                    0),
            new Topic(
                    "How do I add a new Python package to the image?",
                    "We need geopandas in the default environment. What is the process?",
                    "GUIDANCE_REQUEST",
                    null,
                    2),
            new Topic(
                    "Workshop on 12 March: 40 temporary accounts",
                    "We run a workshop for 40 students and need shared passwords for the day.",
                    "WORKSHOP_REQUEST",
                    "workshop",
                    2),
            new Topic(
                    "Sign-in with university SSO fails for new staff",
                    "New staff accounts created this week cannot sign in: 'user not allowed'.",
                    "BUG",
                    "authentication",
                    1),
            new Topic(
                    "Dashboard very slow since upgrade",
                    "Loading the deployments dashboard takes 30 seconds since the upgrade.",
                    "BUG",
                    "performance",
                    1),
            new Topic(
                    "Feature: export audit log as CSV",
                    "Our compliance team would like to export the audit log as CSV each month.",
                    "FEATURE_REQUEST",
                    null,
                    1),
            new Topic(
                    "Docs for the API token scopes are unclear",
                    "The docs do not say which scopes a read-only token needs.",
                    "DOCUMENTATION",
                    null,
                    2),
            new Topic("GPU nodes not starting", "Jobs requesting a GPU stay pending forever.", "INCIDENT", "gpu", 0),
            new Topic(
                    "Invoice shows hours we did not use",
                    "Our October invoice shows 12 support hours; we count 7.",
                    "QUESTION",
                    "billing",
                    2),
            new Topic(
                    "Patient portal down for some users",
                    "Around 10% of patients see an error page when booking.",
                    "INCIDENT",
                    null,
                    0),
            new Topic(
                    "Upgrade to the latest release",
                    "Please schedule the upgrade to the latest release for our intranet.",
                    "CHANGE_REQUEST",
                    "upgrade",
                    0),
            new Topic(
                    "Can we restore a deleted notebook?",
                    "A student deleted her thesis notebook yesterday. Is there a backup?",
                    "QUESTION",
                    "storage",
                    0),
            new Topic(
                    "Password reset emails arrive late",
                    "Reset emails take 20-30 minutes to arrive.",
                    "BUG",
                    "authentication",
                    1),
            new Topic(
                    "Add two new representatives",
                    "Please add our new lab managers as representatives.",
                    "CHANGE_REQUEST",
                    null,
                    2),
            new Topic(
                    "Shared dataset mount is read-only",
                    "The shared datasets folder became read-only for the biology group.",
                    "BUG",
                    "storage",
                    0),
            new Topic(
                    "API rate limit too low for our CI",
                    "Our CI hits the rate limit when deploying 30 services at once.",
                    "CHANGE_REQUEST",
                    "performance",
                    1),
            new Topic(
                    "How to schedule a deployment window?",
                    "Is there a way to block deployments outside 09:00-17:00?",
                    "GUIDANCE_REQUEST",
                    null,
                    2),
            new Topic(
                    "Certificate expires next week",
                    "Our monitoring warns the TLS certificate expires in 6 days.",
                    "BUG",
                    "dns",
                    0));

    private static final String[] AGENT_REPLIES = {
        "Thanks for the report. I am looking into it now and will update you within the hour.",
        "Could you send us the exact time it happened and a screenshot of the error?",
        "We found the cause: a configuration change on our side. A fix is rolling out.",
        "This is planned for our next maintenance window; I will confirm the date.",
        "I have raised this with engineering and linked the issue to this ticket."
    };
    private static final String[] NOTES = {
        "Looks like the same problem as last month's ingress timeout. Checking logs.",
        "Customer is on the Community plan: budget nearly used, check before starting work.",
        "Asked Tom to pair on this, he knows the storage setup."
    };
    private static final String[] STATUSES = {
        "NEW", "NEW", "OPEN", "OPEN", "OPEN", "PENDING", "PENDING", "RESOLVED", "RESOLVED", "CLOSED", "CLOSED", "CLOSED"
    };
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "NORMAL", "NORMAL", "HIGH", "CRITICAL"};
    private static final String[] REASONS = {"CUSTOMER", "ENGINEERING", "SCHEDULED", "ACCOUNT_MANAGER"};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final DemoSurveys surveys;

    DemoTickets(JdbcClient jdbc, Clock clock, AuditStamp audit, DemoSurveys surveys) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.surveys = surveys;
    }

    @Transactional
    int create(DemoPeople people, int count) {
        audit.stamp("system:demo");
        var random = new Random(20261123);
        Instant now = clock.instant();
        long previous = -1;
        for (int i = 0; i < count; i++) {
            Topic topic = TOPICS.get(random.nextInt(TOPICS.size()));
            ContactView requester =
                    people.contacts().get(random.nextInt(people.contacts().size()));
            Long organization = requester.organizations().size() == 1
                    ? requester.organizations().get(0).organizationId()
                    : null;
            String status = i < 30 ? "NEW" : STATUSES[random.nextInt(STATUSES.length)];
            Instant created = now.minus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 45)));
            TeamView team = status.equals("NEW") ? null : people.teams().get(topic.team());
            // owners come from the demo's staff: the admin who tries the demo is on a team too, but owns none of its
            // tickets
            List<AgentView> staff = team == null
                    ? List.of()
                    : people.agents().stream()
                            .filter(a -> team.memberIds().contains(a.id()))
                            .toList();
            AgentView owner = team == null || random.nextInt(5) == 0 ? null : staff.get(random.nextInt(staff.size()));
            boolean resolved = status.equals("RESOLVED") || status.equals("CLOSED");
            Instant replied = created.plus(Duration.ofMinutes(20 + random.nextInt(600)));
            Instant finished = replied.plus(Duration.ofMinutes(30 + random.nextInt(2000)));
            if (finished.isAfter(now)) finished = now;
            if (replied.isAfter(now)) replied = now;
            String resolution = resolved
                    ? (topic.type().equals("DOCUMENTATION")
                            ? "DOCUMENTATION"
                            : random.nextBoolean() ? "CODE_FIX" : "WORKAROUND")
                    : null;
            long id = jdbc.sql("""
                    insert into ticket (subject, requester_id, organization_id, channel, type, priority, impact, status, pending_reason,
                                        team_id, owner_id, funded, resolution, resolution_link, resolution_outcome, created_at, updated_at,
                                        resolved_at, closed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            topic.subject(),
                            requester.id(),
                            organization,
                            random.nextInt(4) == 0 ? "WEB" : "EMAIL",
                            topic.type(),
                            topic.type().equals("INCIDENT")
                                    ? "CRITICAL"
                                    : PRIORITIES[random.nextInt(PRIORITIES.length)],
                            topic.type().equals("INCIDENT") ? "OUTAGE" : random.nextBoolean() ? "MINOR" : "DEGRADED",
                            status,
                            status.equals("PENDING") ? REASONS[random.nextInt(REASONS.length)] : null,
                            team == null ? null : team.id(),
                            owner == null ? null : owner.id(),
                            random.nextInt(8) == 0,
                            resolution,
                            resolution == null || resolution.equals("WORKAROUND")
                                    ? null
                                    : "https://github.com/example/hub/pull/" + (100 + i),
                            status.equals("RESOLVED")
                                    ? "AWAITING_CONFIRMATION"
                                    : status.equals("CLOSED") ? "CONFIRMED" : null,
                            ts(created),
                            ts(resolved ? finished : replied),
                            resolved ? ts(finished) : null,
                            status.equals("CLOSED") ? ts(finished) : null)
                    .query(Long.class)
                    .single();
            message(id, "PUBLIC", null, requester.id(), topic.body() + "\n\nThanks,\n" + requester.name(), created);
            if (!status.equals("NEW")) {
                long agentId = owner != null
                        ? owner.id()
                        : people.agents().get(random.nextInt(4)).id();
                message(id, "PUBLIC", agentId, null, AGENT_REPLIES[random.nextInt(AGENT_REPLIES.length)], replied);
                if (random.nextInt(3) == 0) {
                    message(id, "NOTE", agentId, null, NOTES[random.nextInt(NOTES.length)], replied.plusSeconds(60));
                }
                if (random.nextInt(3) == 0) {
                    message(
                            id,
                            "PUBLIC",
                            null,
                            requester.id(),
                            "Thank you, that helps. One more detail: it happens mostly in the afternoon.",
                            replied.plusSeconds(3600));
                }
                if (random.nextInt(2) == 0) {
                    jdbc.sql(
                                    "insert into time_entry (ticket_id, agent_id, minutes, billable, note, worked_at, created_at) values (?, ?, ?, ?, '', ?, ?)")
                            .params(
                                    id,
                                    agentId,
                                    10 + random.nextInt(80),
                                    !topic.type().equals("INCIDENT"),
                                    ts(replied),
                                    ts(replied))
                            .update();
                }
            }
            if (topic.label() != null) {
                jdbc.sql("insert into ticket_label (ticket_id, label_id) select ?, id from label where name = ?")
                        .params(id, topic.label())
                        .update();
            }
            if (previous > 0 && random.nextInt(10) == 0) {
                jdbc.sql(
                                "insert into ticket_link (ticket_id, kind, target_ticket_id, created_at) values (?, 'RELATED', ?, ?)")
                        .params(id, previous, ts(replied))
                        .update();
            }
            if (status.equals("PENDING") && random.nextBoolean()) {
                jdbc.sql(
                                "insert into ticket_link (ticket_id, kind, url, created_at) values (?, 'EXTERNAL_ISSUE', ?, ?)")
                        .params(id, "https://github.com/example/hub/issues/" + (500 + random.nextInt(40)), ts(replied))
                        .update();
            }
            previous = id;
        }
        surveys.create();
        return count;
    }

    private void message(
            long ticketId, String kind, @Nullable Long agentId, @Nullable Long contactId, String body, Instant at) {
        jdbc.sql(
                        "insert into message (ticket_id, kind, author_agent_id, author_contact_id, body, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(ticketId, kind, agentId, contactId, body, ts(at))
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
