package org.firstline.email.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which node reads which mailbox: one lease row per mailbox, renewed by the node reading it every second or so and
 * taken over by another node once it ran out ({@code firstline.email.lease}, 30 s), so each mailbox has one reader at
 * a time and a new one within a minute of its node dying. The times are the database's, the one clock all nodes share.
 */
@Component
class MailboxLeases {
    private final JdbcClient jdbc;
    private final Duration lease;
    private final String node;

    MailboxLeases(
            JdbcClient jdbc,
            @Value("${firstline.email.lease:PT30S}") Duration lease,
            @Value("${server.port:8080}") int port) {
        this.jdbc = jdbc;
        this.lease = lease;
        this.node = nodeName(port);
    }

    /**
     * A node on a fixed port is named for its host and port, so Firstline restarted after a crash takes its own
     * mailboxes back at once instead of waiting for the lease it held to run out; on a random port, for this run only.
     */
    static String nodeName(int port) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = ManagementFactory.getRuntimeMXBean().getName();
        }
        return port > 0
                ? host + ":" + port
                : host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    String node() {
        return node;
    }

    Duration lease() {
        return lease;
    }

    /** Takes the mailbox's lease, or renews it; false while another node holds it. */
    boolean hold(long mailboxId) {
        return jdbc.sql("""
                insert into mailbox_lease (mailbox_id, node_id, expires_at)
                values (:mailbox, :node, clock_timestamp() + make_interval(secs => :seconds))
                on conflict (mailbox_id) do update set node_id = excluded.node_id, expires_at = excluded.expires_at
                where mailbox_lease.node_id = excluded.node_id or mailbox_lease.expires_at < clock_timestamp()""")
                        .param("mailbox", mailboxId)
                        .param("node", node)
                        .param("seconds", lease.toMillis() / 1000.0)
                        .update()
                == 1;
    }

    /** Lets another node have the mailbox at once rather than when the lease runs out. */
    void release(long mailboxId) {
        jdbc.sql("delete from mailbox_lease where mailbox_id = ? and node_id = ?")
                .params(mailboxId, node)
                .update();
    }

    void releaseAll() {
        jdbc.sql("delete from mailbox_lease where node_id = ?").param(node).update();
    }
}
