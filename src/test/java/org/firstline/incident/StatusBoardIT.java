package org.firstline.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The board follows a change announced in a transaction, and shows only public incidents. */
class StatusBoardIT extends ApiTest {
    @Autowired
    StatusBoard board;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void followsAnAnnouncedChangeAndHidesWhatIsNotPublic() throws Exception {
        String name = unique("Component");
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(tx -> {
            long component = jdbc.sql("""
                            insert into status_component (name, status, updated_at)
                            values (?, 'PARTIAL_OUTAGE', ?) returning id""").params(name, now).query(Long.class).single();
            for (boolean isPublic : new boolean[] {true, false}) {
                long incident = jdbc.sql("""
                                insert into incident (title, status, impact, public, declared_at, updated_at)
                                values (?, 'INVESTIGATING', 'MAJOR', ?, ?, ?) returning id""")
                        .params(name + (isPublic ? " public" : " private"), isPublic, now, now)
                        .query(Long.class)
                        .single();
                jdbc.sql("insert into incident_component values (?, ?)")
                        .params(incident, component)
                        .update();
                jdbc.sql("""
                                insert into incident_update (incident_id, status, body, public, posted_at)
                                values (?, 'INVESTIGATING', 'Looking into it', true, ?)""").params(incident, now).update();
            }
            board.changed();
        });

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (board.current().components().stream().noneMatch(c -> c.name().equals(name))
                && System.nanoTime() < deadline) Thread.onSpinWait();

        PublicStatus status = board.current();
        var component = status.components().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(component.status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(status.unresolved())
                .filteredOn(i -> i.title().startsWith(name))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.title()).isEqualTo(name + " public");
                    assertThat(i.componentIds()).containsExactly(component.id());
                    assertThat(i.latest()).isNotNull();
                    assertThat(i.latest().body()).isEqualTo("Looking into it");
                });
        assertThat(status.indicator()).isGreaterThanOrEqualTo(IncidentImpact.MAJOR);
    }
}
