package org.firstline.incident.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.firstline.incident.UpdateAudience;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes, in the update's own transaction, one notice per address for a public update: each linked requester once,
 * on their newest linked ticket, then each subscriber who is not already among them. The unique (update, address)
 * makes a second attempt a no-op; the queue sends them afterwards.
 */
@Component
class Notices {
    private final JdbcClient jdbc;
    private final ObjectProvider<UpdateAudience> audiences;

    Notices(JdbcClient jdbc, ObjectProvider<UpdateAudience> audiences) {
        this.jdbc = jdbc;
        this.audiences = audiences;
    }

    /**
     * @param skipRequestersResolvedNow leaves out requesters with an open linked ticket, because resolving that ticket
     *     mails them the resolution on its thread (one mail, not two)
     */
    int write(long incidentId, long updateId, boolean skipRequestersResolvedNow) {
        int requesters = jdbc.sql("""
                        insert into incident_notice (update_id, address, ticket_id)
                        select :update, r.address, r.ticket_id from (
                            select distinct on (lower(e.email)) e.email address, t.id ticket_id
                            from incident_ticket it
                            join ticket t on t.id = it.ticket_id
                            join lateral (select min(ce.email) email from contact_email ce
                                          where ce.contact_id = t.requester_id) e on e.email is not null
                            where it.incident_id = :incident and not t.internal
                              and not (:skip and exists (
                                  select 1 from incident_ticket it2 join ticket t2 on t2.id = it2.ticket_id
                                  where it2.incident_id = :incident and t2.requester_id = t.requester_id
                                    and t2.status in ('NEW', 'OPEN', 'PENDING')))
                            order by lower(e.email), t.created_at desc, t.id desc
                        ) r
                        on conflict do nothing""")
                .param("update", updateId)
                .param("incident", incidentId)
                .param("skip", skipRequestersResolvedNow)
                .update();
        Map<String, String> subscribers = new LinkedHashMap<>();
        audiences
                .orderedStream()
                .flatMap(a -> a.subscribers().stream())
                .forEach(
                        s -> subscribers.putIfAbsent(s.address().strip().toLowerCase(Locale.ROOT), s.unsubscribeUrl()));
        if (subscribers.isEmpty()) return requesters;
        int others = jdbc.sql("""
                        insert into incident_notice (update_id, address, unsubscribe_url)
                        select ?, a, u from unnest(?::text[], ?::text[]) s(a, u)
                        on conflict do nothing""")
                .params(
                        updateId,
                        subscribers.keySet().toArray(String[]::new),
                        subscribers.values().toArray(String[]::new))
                .update();
        return requesters + others;
    }
}
