package org.firstline.triage.internal;

import org.firstline.platform.AfterCommit;
import org.firstline.platform.LiveChannel;
import org.firstline.ticket.MessagePosted;
import org.firstline.ticket.TicketAssigned;
import org.firstline.ticket.TicketOpened;
import org.firstline.ticket.TicketStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What triage does when tickets change, in the transaction of the change: desks and ticket pages are told (NOTIFY goes
 * out at commit), a team's arrival time is kept for its stand-up queue, and a new ticket gets its suggestions in the
 * transaction that opens it (the background sweep fills in any that could not be computed then).
 */
@Component
class TicketEventsForTriage {
    private final JdbcClient jdbc;
    private final LiveChannel live;
    private final SuggestionRefresher refresher;
    private final SimilarTickets similar;

    TicketEventsForTriage(JdbcClient jdbc, LiveChannel live, SuggestionRefresher refresher, SimilarTickets similar) {
        this.similar = similar;
        this.jdbc = jdbc;
        this.live = live;
        this.refresher = refresher;
    }

    @EventListener
    void opened(TicketOpened event) {
        live.announce("ticket", event.ticketId());
        refresher.refreshWithin(event.ticketId(), AfterCommit::run);
    }

    @EventListener
    void assigned(TicketAssigned event) {
        live.announce("ticket", event.ticketId());
        if (event.teamId() != null && !event.teamId().equals(event.previousTeamId())) {
            jdbc.sql("""
                    insert into ticket_routing (ticket_id, team_id, routed_at, routed_by)
                    values (?, ?, coalesce(nullif(current_setting('firstline.now', true), '')::timestamptz, now()),
                            coalesce(nullif(current_setting('firstline.actor', true), ''), 'system'))
                    on conflict (ticket_id) do update set team_id = excluded.team_id, routed_at = excluded.routed_at,
                        routed_by = excluded.routed_by""").params(event.ticketId(), event.teamId()).update();
        }
        if (event.teamId() != null) {
            jdbc.sql("delete from ticket_claim where ticket_id = ?")
                    .param(event.ticketId())
                    .update();
        }
    }

    @EventListener
    void statusChanged(TicketStatusChanged event) {
        live.announce("ticket", event.ticketId());
        if (event.to() == org.firstline.ticket.TicketStatus.RESOLVED
                || event.to() == org.firstline.ticket.TicketStatus.CLOSED) {
            similar.markStale();
        }
    }

    @EventListener
    void messagePosted(MessagePosted event) {
        live.announce("message", event.ticketId());
    }

    /** Desks and ticket pages show due times: a warning or breach redraws them (a flood of them, the desks only). */
    @EventListener
    void slaAlerts(org.firstline.sla.SlaAlertsRaised event) {
        var tickets = event.alerts().stream()
                .map(org.firstline.sla.SlaAlert::ticketId)
                .distinct()
                .toList();
        if (tickets.size() > 100) {
            live.announce("sla", 0);
            return;
        }
        tickets.forEach(id -> live.announce("sla", id));
    }
}
