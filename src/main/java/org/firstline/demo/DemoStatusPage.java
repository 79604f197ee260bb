package org.firstline.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.firstline.incident.ComponentForm;
import org.firstline.incident.ComponentStatus;
import org.firstline.incident.MaintenanceForm;
import org.firstline.incident.Maintenances;
import org.firstline.incident.StatusComponents;
import org.firstline.platform.FirstlineSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A status page to look at in the demo: grouped components, one incident resolved yesterday and maintenance next
 * week. Loaded with the demo desk, once, while the page has no components.
 */
@Component
@Order(110)
class DemoStatusPage implements ApplicationRunner {
    private final FirstlineSettings settings;
    private final String datasourceUrl;
    private final JdbcClient jdbc;
    private final StatusComponents components;
    private final Maintenances maintenances;
    private final Clock clock;

    DemoStatusPage(
            FirstlineSettings settings,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            JdbcClient jdbc,
            StatusComponents components,
            Maintenances maintenances,
            Clock clock) {
        this.settings = settings;
        this.datasourceUrl = datasourceUrl;
        this.jdbc = jdbc;
        this.components = components;
        this.maintenances = maintenances;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!settings.demoData() || !datasourceUrl.isBlank()) return;
        if (jdbc.sql("select count(*) from status_component")
                        .query(Integer.class)
                        .single()
                > 0) return;
        components.renamePage("Firstline Cloud");
        String[][] list = {
            {"Web app", "Desk"}, {"API", "Desk"}, {"Email intake", "Desk"},
            {"Deploys", "Platform"}, {"Builds", "Platform"}, {"Databases", "Platform"}
        };
        long databases = 0;
        long deploys = 0;
        for (int i = 0; i < list.length; i++) {
            long id = components
                    .create(new ComponentForm(list[i][0], null, list[i][1], i, ComponentStatus.OPERATIONAL))
                    .id();
            if (list[i][0].equals("Databases")) databases = id;
            if (list[i][0].equals("Deploys")) deploys = id;
        }
        Instant now = clock.instant();
        Instant declared = now.minus(Duration.ofHours(26));
        Instant resolved = now.minus(Duration.ofHours(25));
        long incident = jdbc.sql("""
                        insert into incident (title, status, impact, public, declared_at, updated_at, resolved_at)
                        values ('Slow deploys', 'RESOLVED', 'MINOR', true, ?, ?, ?) returning id""")
                .params(Timestamp.from(declared), Timestamp.from(resolved), Timestamp.from(resolved))
                .query(Long.class)
                .single();
        jdbc.sql("insert into incident_component values (?, ?)")
                .params(incident, deploys)
                .update();
        String[][] updates = {
            {"INVESTIGATING", "Deploys take several minutes longer than usual. We are looking into it.", "0"},
            {"IDENTIFIED", "A build cache node was overloaded; we moved its work to a new node.", "30"},
            {"RESOLVED", "Deploys are back to their usual speed.", "60"}
        };
        for (String[] u : updates) {
            jdbc.sql("""
                            insert into incident_update (incident_id, status, body, public, posted_at)
                            values (?, ?, ?, true, ?)""")
                    .params(
                            incident,
                            u[0],
                            u[1],
                            Timestamp.from(declared.plus(Duration.ofMinutes(Long.parseLong(u[2])))))
                    .update();
        }
        Instant window = now.plus(Duration.ofDays(7));
        maintenances.schedule(new MaintenanceForm(
                "Database upgrade",
                "Tickets can be read but not changed for **up to ten minutes** while we upgrade PostgreSQL.",
                window,
                window.plus(Duration.ofHours(1)),
                List.of(databases)));
    }
}
