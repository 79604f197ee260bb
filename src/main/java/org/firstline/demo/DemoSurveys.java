package org.firstline.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Satisfaction surveys on the demo's resolved and closed tickets, most of them answered, so the report and the
 * ticket panel have something to show. Their links were never sent: each token hash is of random bytes nobody has.
 */
@Component
class DemoSurveys {
    private static final String[] COMMENTS = {
        "Quick and clear, thank you!",
        "Fixed, but it took a few days to hear back.",
        "Great explanation of what went wrong.",
        "The workaround is fine for now; we hope for a real fix.",
        "Had to ask twice before anyone picked it up."
    };
    // mostly content customers, as on a real desk
    private static final int[] RATINGS = {5, 5, 5, 4, 4, 4, 3, 2, 1};

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoSurveys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    int create() {
        var random = new Random(20261201);
        var resolved = jdbc.sql("""
                select id, requester_id, owner_id, team_id, organization_id, resolved_at from ticket
                where status in ('RESOLVED', 'CLOSED') and resolved_at is not null and not internal order by id""")
                .query((rs, n) -> new Object[] {
                    rs.getLong("id"),
                    rs.getLong("requester_id"),
                    rs.getObject("owner_id", Long.class),
                    rs.getObject("team_id", Long.class),
                    rs.getObject("organization_id", Long.class),
                    rs.getTimestamp("resolved_at").toInstant()
                })
                .list();
        Instant now = clock.instant();
        int count = 0;
        for (Object[] t : resolved) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            Instant sent = (Instant) t[5];
            Instant answered = sent.plus(Duration.ofMinutes(20 + random.nextInt(60 * 24 * 2)));
            boolean answers = random.nextInt(10) < 6 && answered.isBefore(now);
            int rating = RATINGS[random.nextInt(RATINGS.length)];
            String comment = answers && random.nextInt(3) == 0 ? COMMENTS[random.nextInt(COMMENTS.length)] : null;
            jdbc.sql("""
                    insert into satisfaction_survey (ticket_id, token_hash, contact_id, agent_id, team_id, organization_id,
                        sent_at, rating, comment, first_answered_at, answered_at, answer_count)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            t[0],
                            HexFormat.of().formatHex(secret),
                            t[1],
                            t[2],
                            t[3],
                            t[4],
                            Timestamp.from(sent),
                            answers ? rating : null,
                            comment,
                            answers ? Timestamp.from(answered) : null,
                            answers ? Timestamp.from(answered) : null,
                            answers ? 1 : 0)
                    .update();
            count++;
        }
        return count;
    }
}
