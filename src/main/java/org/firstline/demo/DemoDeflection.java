package org.firstline.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticketform.DeflectionRule;
import org.firstline.ticketform.DeflectionRuleForm;
import org.firstline.ticketform.DeflectionRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A few deflection rules for the public form and the knowledge base one of them links, added with the rest of the demo
 * (right after the desk was made).
 */
@Component
@Order(101)
class DemoDeflection implements ApplicationRunner {
    private final FirstlineSettings settings;
    private final String datasourceUrl;
    private final JdbcClient jdbc;
    private final DeflectionRules rules;
    private final Clock clock;
    private final DemoKnowledge knowledge;

    DemoDeflection(
            FirstlineSettings settings,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            JdbcClient jdbc,
            DeflectionRules rules,
            Clock clock,
            DemoKnowledge knowledge) {
        this.knowledge = knowledge;
        this.settings = settings;
        this.datasourceUrl = datasourceUrl;
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoData() || !datasourceUrl.isBlank()) return;
        boolean fresh = jdbc.sql("select count(*) from organization where created_at < ?")
                        .param(java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(10))))
                        .query(Integer.class)
                        .single()
                == 0;
        if (!fresh || !rules.list().isEmpty()) return;
        rules.create(new DeflectionRuleForm(
                List.of("dns", "name server", "domain not found"),
                DeflectionRule.Kind.TOOL,
                "Check your domain's DNS records",
                "https://dnschecker.example/?q={domain}"));
        Long passwordArticle = knowledge.create();
        if (passwordArticle != null) {
            rules.create(new DeflectionRuleForm(
                    List.of("password", "reset", "locked out"),
                    DeflectionRule.Kind.ARTICLE,
                    "Resetting your password",
                    null,
                    passwordArticle));
        }
        rules.create(new DeflectionRuleForm(
                List.of("certificate", "ssl", "tls"),
                DeflectionRule.Kind.TOOL,
                "Test your site's certificate",
                "https://ssl-check.example/analyze?d={domain}"));
    }
}
