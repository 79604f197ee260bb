package org.firstline.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionDefinition;

/**
 * Every transaction names the signed-in agent and the time to the audit triggers, so a change made by any service
 * is credited to whoever made it, not only where a service remembered to say so. A stamp of the service's own
 * ({@link org.firstline.platform.AuditStamp}) still wins.
 */
class AuditingTransactionManager extends JdbcTransactionManager {
    /** The actor of the transaction being begun; also marks a lookup in progress (reading a session begins one). */
    private static final ThreadLocal<String> ACTOR = new ThreadLocal<>();

    private final ObjectProvider<Clock> clock;

    AuditingTransactionManager(DataSource dataSource, ObjectProvider<Clock> clock) {
        super(dataSource);
        this.clock = clock;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (ACTOR.get() != null) {
            super.doBegin(transaction, definition);
            return;
        }
        // asked before a connection is taken: the session's security context may need a transaction of its own
        ACTOR.set("");
        try {
            ACTOR.set(actor());
            super.doBegin(transaction, definition);
        } finally {
            ACTOR.remove();
        }
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        // a transaction begun inside another (requires-new) starts unstamped, whatever the outer one was
        AuditStamp.forgetBeginStamp();
        String actor = ACTOR.get();
        if (actor == null || actor.isEmpty()) {
            return;
        }
        try (var statement = connection.prepareStatement(
                "select set_config('firstline.actor', ?, true), set_config('firstline.now', ?, true)")) {
            statement.setString(1, actor);
            statement.setString(2, clock.getObject().instant().toString());
            statement.execute();
        }
        AuditStamp.rememberBeginStamp(actor);
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        AuditStamp.forgetBeginStamp();
        super.doCleanupAfterCompletion(transaction);
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AgentPrincipal agent
                ? agent.auditName()
                : "";
    }

    @Configuration(proxyBeanMethods = false)
    static class Setup {
        @Bean
        AuditingTransactionManager transactionManager(DataSource dataSource, ObjectProvider<Clock> clock) {
            return new AuditingTransactionManager(dataSource, clock);
        }
    }
}
