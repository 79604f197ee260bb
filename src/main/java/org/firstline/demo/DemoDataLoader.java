package org.firstline.demo;

import org.firstline.platform.FirstlineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the demo once: on first start with the embedded database, when no organization exists yet. */
@Component
@Order(100)
class DemoDataLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final FirstlineSettings settings;
    private final String datasourceUrl;
    private final JdbcClient jdbc;
    private final DemoDirectory directory;
    private final DemoTickets tickets;
    private final DemoTriage triage;
    private final DemoSla sla;
    private final TransactionTemplate transactions;
    private final DemoRotas rotas;

    DemoDataLoader(
            FirstlineSettings settings,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            JdbcClient jdbc,
            DemoDirectory directory,
            DemoTickets tickets,
            DemoTriage triage,
            DemoSla sla,
            TransactionTemplate transactions,
            DemoRotas rotas) {
        this.rotas = rotas;
        this.triage = triage;
        this.sla = sla;
        this.transactions = transactions;
        this.settings = settings;
        this.datasourceUrl = datasourceUrl;
        this.jdbc = jdbc;
        this.directory = directory;
        this.tickets = tickets;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoData() || !datasourceUrl.isBlank()) {
            return;
        }
        if (jdbc.sql("select count(*) from organization").query(Integer.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        // all or nothing: a half-loaded demo would never be completed, since it loads only into an empty desk
        var people = transactions.execute(status -> {
            var created = directory.create();
            sla.create();
            tickets.create(created, 200);
            triage.create(created);
            rotas.create(created);
            return created;
        });
        int count = 200;
        log.info(
                "Loaded demo data: 3 organizations, {} contacts, {} agents, {} tickets in {} ms",
                people.contacts().size(),
                people.agents().size(),
                count,
                (System.nanoTime() - started) / 1_000_000);
    }
}
