package org.firstline.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.firstline.platform.AgentPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every connection handed out names the signed-in agent to the audit triggers, so a change made by any service is
 * credited to whoever made it, not only where a service remembered to say so; a transaction's own stamp still wins.
 */
class ActorStampingDataSource extends DelegatingDataSource {
    private final ObjectProvider<Clock> clock;

    ActorStampingDataSource(DataSource target, ObjectProvider<Clock> clock) {
        super(target);
        this.clock = clock;
    }

    /** Set while the actor is looked up: reading a session's security context needs a connection of its own. */
    private static final ThreadLocal<Boolean> LOOKING_UP = new ThreadLocal<>();

    @Override
    public Connection getConnection() throws SQLException {
        // asked before borrowing, so the session's own connection is never taken while this one is held
        String actor = actor();
        Connection connection = super.getConnection();
        try (var statement = connection.prepareStatement(
                "select set_config('firstline.actor', ?, false), set_config('firstline.now', ?, false)")) {
            statement.setString(1, actor);
            statement.setString(2, clock.getObject().instant().toString());
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static String actor() {
        if (LOOKING_UP.get() != null) {
            return "";
        }
        LOOKING_UP.set(Boolean.TRUE);
        try {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.getPrincipal() instanceof AgentPrincipal agent ? agent.auditName() : "";
        } finally {
            LOOKING_UP.remove();
        }
    }

    @Component
    static class Wrapper implements BeanPostProcessor {
        private final ObjectProvider<Clock> clock;

        Wrapper(ObjectProvider<Clock> clock) {
            this.clock = clock;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource dataSource && !(bean instanceof ActorStampingDataSource)
                    ? new ActorStampingDataSource(dataSource, clock)
                    : bean;
        }
    }
}
