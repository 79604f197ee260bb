package org.firstline.oncall;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.firstline.directory.AgentService;
import org.firstline.oncall.internal.EscalationEngine;
import org.firstline.oncall.internal.EscalationReader;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.LinkTokens;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Escalations as people act on them: start, acknowledge, resolve, escalate by hand, add a responder. */
@Service
public class Escalations {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EscalationEngine engine;
    private final EscalationReader reader;
    private final AgentService agents;
    private final ApplicationEventPublisher events;

    Escalations(
            JdbcClient jdbc,
            Clock clock,
            EscalationEngine engine,
            EscalationReader reader,
            AgentService agents,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.engine = engine;
        this.reader = reader;
        this.agents = agents;
        this.events = events;
    }

    /** Starts escalating; the open escalation of the same alert or ticket is returned when there is one. */
    @Transactional
    public EscalationView start(EscalationRequest request) {
        return reader.get(engine.start(request));
    }

    public EscalationView get(long id) {
        return reader.get(id);
    }

    public List<EscalationView> recent(boolean openOnly, int limit) {
        return reader.recent(openOnly, limit);
    }

    public Optional<EscalationView> openFor(SubjectKind kind, long subjectId) {
        return reader.openFor(kind, subjectId);
    }

    /** Whether the subject ever escalated, open or not. */
    public boolean everFor(SubjectKind kind, long subjectId) {
        return jdbc.sql("select exists (select 1 from escalation where subject_kind = ? and subject_id = ?)")
                .params(kind.name(), subjectId)
                .query(Boolean.class)
                .single();
    }

    /** Idempotent for the same state: acknowledging twice is one acknowledgement. */
    @Transactional
    public EscalationView acknowledge(long id, @Nullable Long agentId) {
        var current = locked(id);
        if (current.status() == EscalationStatus.ACKNOWLEDGED) return current;
        if (!current.status().open()) {
            throw new ConflictException(
                    "This escalation is " + current.status().name().toLowerCase() + " already.");
        }
        jdbc.sql("""
                        update escalation set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?, next_step_at = null,
                                              wait_until = null
                        where id = ?""").params(agentId, Timestamp.from(clock.instant()), id).update();
        cancelPending(id);
        events.publishEvent(new EscalationAcknowledged(id, current.subjectKind(), current.subjectId(), agentId));
        return reader.get(id);
    }

    @Transactional
    public EscalationView resolve(long id, @Nullable Long agentId) {
        var current = locked(id);
        if (current.status() == EscalationStatus.RESOLVED) return current;
        jdbc.sql("""
                        update escalation set status = 'RESOLVED', resolved_by = ?, resolved_at = ?, next_step_at = null, wait_until = null
                        where id = ?""").params(agentId, Timestamp.from(clock.instant()), id).update();
        cancelPending(id);
        events.publishEvent(new EscalationResolved(id, current.subjectKind(), current.subjectId(), agentId));
        return reader.get(id);
    }

    /** Its alert or ticket was resolved: the escalation stops, if one is open. */
    @Transactional
    public void subjectResolved(SubjectKind kind, long subjectId) {
        reader.openFor(kind, subjectId).ifPresent(e -> resolve(e.id(), null));
    }

    /** By hand, to the next level now, acknowledged or not (dxw: on to the head of operations, the CTO). */
    @Transactional
    public EscalationView escalate(long id) {
        var current = locked(id);
        if (current.status() != EscalationStatus.ACTIVE && current.status() != EscalationStatus.ACKNOWLEDGED) {
            throw new ConflictException("Only an open, paging escalation goes to the next level; this one is "
                    + current.status().name().toLowerCase() + ".");
        }
        engine.escalateNow(id, current.policyId(), current.stepPosition(), current.loop());
        return reader.get(id);
    }

    @Transactional
    public EscalationView addResponder(long id, long agentId) {
        var current = locked(id);
        if (!current.status().open()) {
            throw new ConflictException(
                    "This escalation is " + current.status().name().toLowerCase() + " already.");
        }
        var agent = agents.find(agentId)
                .orElseThrow(() -> new InvalidRequestException("agentId", "no agent with id " + agentId));
        if (!agent.active()) throw new InvalidRequestException("agentId", agent.displayName() + " is deactivated");
        engine.addResponder(id, current.policyId(), agentId);
        return reader.get(id);
    }

    /** What a page's link opens: the escalation and who the page was for; empty for an unknown link. */
    public Optional<PageLink> byLink(String token) {
        if (token == null || token.length() > 100) return Optional.empty();
        return jdbc.sql("select escalation_id, agent_id from page where token_hash = ?")
                .param(LinkTokens.hash(token))
                .query((rs, n) -> new PageLink(rs.getLong(1), rs.getObject(2, Long.class)))
                .optional();
    }

    public record PageLink(long escalationId, @Nullable Long agentId) {}

    private EscalationView locked(long id) {
        boolean exists = jdbc.sql("select id from escalation where id = ? for update")
                .param(id)
                .query((rs, n) -> rs.getLong(1))
                .optional()
                .isPresent();
        if (!exists) throw new NotFoundException("Escalation " + id + " does not exist.");
        return reader.get(id);
    }

    private void cancelPending(long id) {
        jdbc.sql("update page set status = 'CANCELLED' where escalation_id = ? and status = 'PENDING'")
                .param(id)
                .update();
    }
}
