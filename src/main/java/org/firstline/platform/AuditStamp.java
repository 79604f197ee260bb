package org.firstline.platform;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the database triggers that keep the audit trail who is acting and what time it is, for the current
 * transaction only. Call it first in every transaction that changes audited data.
 */
@Component
public class AuditStamp {
    private static final Object STAMPED = new Object();

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditStamp(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stamps with the agent of the current request, or "system" outside one (start-up, scheduled work). */
    public void stampCurrentActor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        stamp(
                authentication != null && authentication.getPrincipal() instanceof AgentPrincipal agent
                        ? agent.auditName()
                        : "system");
    }

    public void stamp(String actor) {
        if (alreadyStamped(actor)) {
            return;
        }
        jdbc.sql("select set_config('firstline.actor', :actor, true), set_config('firstline.now', :now, true)")
                .param("actor", actor)
                .param("now", clock.instant().toString())
                .query()
                .singleRow();
    }

    /**
     * The transaction manager stamped this transaction with {@code actor} when it began; a service's stamp of the same
     * actor then costs no round trip. Forgotten when the transaction ends ({@link #forgetBeginStamp}).
     */
    public static void rememberBeginStamp(String actor) {
        TransactionSynchronizationManager.unbindResourceIfPossible(STAMPED);
        TransactionSynchronizationManager.bindResource(STAMPED, actor);
    }

    public static void forgetBeginStamp() {
        TransactionSynchronizationManager.unbindResourceIfPossible(STAMPED);
    }

    /** One stamp per transaction and actor is enough: nested service calls need not repeat the round trip. */
    private static boolean alreadyStamped(String actor) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        if (actor.equals(TransactionSynchronizationManager.getResource(STAMPED))) {
            return true;
        }
        if (TransactionSynchronizationManager.hasResource(STAMPED)) {
            TransactionSynchronizationManager.unbindResource(STAMPED);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(STAMPED);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(STAMPED, actor);
        return false;
    }
}
