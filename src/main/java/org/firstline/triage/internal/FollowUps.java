package org.firstline.triage.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.firstline.directory.AgentService;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups that come due: when a workaround was recorded, two days later the ticket gets a note asking its owner to
 * check the requester could apply it. Claimed with SKIP LOCKED and marked done in the same transaction, so each fires
 * once on any number of nodes.
 */
@Component
public class FollowUps {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConversationService conversation;
    private final AgentService agents;

    FollowUps(JdbcClient jdbc, Clock clock, ConversationService conversation, AgentService agents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.conversation = conversation;
        this.agents = agents;
    }

    /** Fires what is due; returns how many. */
    @Transactional
    public int fireDue() {
        var now = Timestamp.from(clock.instant());
        var due = jdbc.sql("""
                select f.id, f.ticket_id from triage_follow_up f join ticket t on t.id = f.ticket_id
                where f.done_at is null and f.due_at <= ? and t.status <> 'CLOSED'
                order by f.due_at limit 100 for update of f skip locked""")
                .param(now)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        var system = agents.system("triage");
        for (long[] f : due) {
            conversation.post(
                    f[1],
                    new MessageForm(
                            "Follow-up: a workaround was given two days ago. Check with the requester that "
                                    + "they could apply it, and set the priority again if they could not.",
                            MessageKind.NOTE,
                            null),
                    system);
            jdbc.sql("update triage_follow_up set done_at = ? where id = ?")
                    .params(now, f[0])
                    .update();
        }
        return due.size();
    }
}
