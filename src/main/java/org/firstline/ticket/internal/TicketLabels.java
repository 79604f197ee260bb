package org.firstline.ticket.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.firstline.platform.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sets a ticket's labels from the admin-kept list; a name not on the list is refused. */
public final class TicketLabels {
    private TicketLabels() {}

    public static void replace(JdbcClient jdbc, long ticketId, List<String> names) {
        var wanted = names.stream().map(String::trim).distinct().toList();
        Map<String, Long> known = jdbc
                .sql("select name, id from label where name = any(?)")
                .param(wanted.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (String name : wanted) {
            if (!known.containsKey(name)) {
                throw new InvalidRequestException(
                        "labels", "unknown label '" + name + "'; admins keep the list of labels");
            }
        }
        jdbc.sql("delete from ticket_label where ticket_id = ? and not (label_id = any(?))")
                .params(ticketId, known.values().toArray(Long[]::new))
                .update();
        for (Long labelId : known.values()) {
            jdbc.sql("insert into ticket_label (ticket_id, label_id) values (?, ?) on conflict do nothing")
                    .params(ticketId, labelId)
                    .update();
        }
    }
}
