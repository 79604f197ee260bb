package org.firstline.survey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The satisfaction_survey rows. Callers hold the transaction; lock* methods lock the row until it ends. */
@Component
public class SurveyStore {
    /** A survey row as the rules need it. */
    public record Row(
            long id,
            long ticketId,
            long ticketNumber,
            String subject,
            @Nullable Long agentId,
            @Nullable Long teamId,
            @Nullable Long organizationId,
            Instant sentAt,
            @Nullable Integer rating,
            @Nullable String comment,
            @Nullable Instant firstAnsweredAt,
            @Nullable Instant answeredAt,
            int answerCount,
            boolean newest) {}

    private static final String SELECT = """
            select s.id, s.ticket_id, t.number, t.subject, s.agent_id, s.team_id, s.organization_id, s.sent_at, s.rating,
                   s.comment, s.first_answered_at, s.answered_at, s.answer_count,
                   s.id = (select max(n.id) from satisfaction_survey n where n.ticket_id = s.ticket_id) as newest
            from satisfaction_survey s join ticket t on t.id = s.ticket_id
            """;

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long ticketId,
            String tokenHash,
            long contactId,
            @Nullable Long agentId,
            @Nullable Long teamId,
            @Nullable Long organizationId,
            Instant sentAt) {
        return jdbc.sql("""
                insert into satisfaction_survey (ticket_id, token_hash, contact_id, agent_id, team_id, organization_id, sent_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(ticketId, tokenHash, contactId, agentId, teamId, organizationId, Timestamp.from(sentAt))
                .query(Long.class)
                .single();
    }

    public Optional<Row> byTokenHash(String tokenHash) {
        return jdbc.sql(SELECT + "where s.token_hash = ?")
                .param(tokenHash)
                .query(SurveyStore::row)
                .optional();
    }

    public Optional<Row> newest(long ticketId) {
        return jdbc.sql(SELECT + "where s.ticket_id = ? order by s.id desc limit 1")
                .param(ticketId)
                .query(SurveyStore::row)
                .optional();
    }

    /** Whether the ticket's newest survey was answered by someone other than this contact (a link is the requester's). */
    public boolean answeredByAnother(long ticketId, long contactId, long requesterId) {
        return jdbc.sql("""
                        select s.answered_at is not null
                               and coalesce(s.answered_by_contact_id, ?) <> ?
                        from satisfaction_survey s where s.ticket_id = ? order by s.id desc limit 1""")
                .params(requesterId, contactId, ticketId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public Optional<Row> lockByTokenHash(String tokenHash) {
        return jdbc.sql("select id from satisfaction_survey where token_hash = ? for update")
                .param(tokenHash)
                .query(Long.class)
                .optional()
                .flatMap(this::byId);
    }

    public Optional<Row> lockNewest(long ticketId) {
        return jdbc.sql("select id from satisfaction_survey where ticket_id = ? order by id desc limit 1 for update")
                .param(ticketId)
                .query(Long.class)
                .optional()
                .flatMap(this::byId);
    }

    public Row get(long id) {
        return byId(id).orElseThrow();
    }

    private Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + "where s.id = ?")
                .param(id)
                .query(SurveyStore::row)
                .optional();
    }

    /** The answer replaces any earlier one on the same row; the first answer's time stays. */
    public void saveAnswer(long id, int rating, @Nullable String comment, @Nullable Long contactId, Instant at) {
        jdbc.sql("""
                update satisfaction_survey set rating = ?, comment = ?, answered_by_contact_id = ?, answered_at = ?,
                       first_answered_at = coalesce(first_answered_at, ?), answer_count = answer_count + 1
                where id = ?""")
                .params(rating, comment, contactId, Timestamp.from(at), Timestamp.from(at), id)
                .update();
    }

    /** Removes the ticket's newest survey if nobody answered it. */
    public int deleteNewestUnanswered(long ticketId) {
        return jdbc.sql("""
                delete from satisfaction_survey where answered_at is null
                  and id = (select max(n.id) from satisfaction_survey n where n.ticket_id = ?)""").param(ticketId).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                rs.getLong("number"),
                rs.getString("subject"),
                rs.getObject("agent_id", Long.class),
                rs.getObject("team_id", Long.class),
                rs.getObject("organization_id", Long.class),
                rs.getTimestamp("sent_at").toInstant(),
                rs.getObject("rating", Integer.class),
                rs.getString("comment"),
                instant(rs.getTimestamp("first_answered_at")),
                instant(rs.getTimestamp("answered_at")),
                rs.getInt("answer_count"),
                rs.getBoolean("newest"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
