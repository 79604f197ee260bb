package org.firstline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.firstline.survey.ReportGrouping;
import org.firstline.survey.ReportPeriod;
import org.firstline.survey.ReportRange;
import org.firstline.survey.SatisfactionReport;
import org.firstline.survey.SatisfactionRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo's satisfaction report is not empty: its resolved tickets carry surveys, most of them answered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "firstline.demo-data=true")
class DemoSatisfactionIT {
    @Autowired
    SatisfactionReport report;

    @Autowired
    Clock clock;

    @Test
    void theDemoHasAnsweredSurveysPerTeam() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var range = new ReportRange(today.minusDays(60), today);
        var rows = report.rows(ReportGrouping.TEAM, ReportPeriod.MONTH, range);
        long sent = rows.stream().mapToLong(SatisfactionRow::sent).sum();
        long answered = rows.stream().mapToLong(SatisfactionRow::answered).sum();
        assertThat(sent).isGreaterThan(20);
        assertThat(answered).isGreaterThan(sent / 3).isLessThan(sent);
        assertThat(rows).anySatisfy(r -> assertThat(r.csat()).isNotNull());
        assertThat(report.comments(ReportGrouping.AGENT, range, 10)).isNotEmpty();
    }
}
