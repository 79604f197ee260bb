package org.firstline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.firstline.support.ApiClient;
import org.firstline.ticketform.DeflectionRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo comes with a knowledge base: public how-tos at /kb, internal runbooks, and a form rule linking one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "firstline.demo-data=true")
class DemoKnowledgeIT {
    @LocalServerPort
    int port;

    @Autowired
    DeflectionRules rules;

    @Test
    void theDemoHasPublicArticlesRunbooksAndALinkedRule() {
        var anyone = ApiClient.anonymous(port);
        var index = anyone.get("/kb", "text/html").body();
        assertThat(index).contains("Resetting your password", "Pointing your custom domain at us", "Billing (1)");
        assertThat(index).doesNotContain("Runbook: mail intake stops", "Refunds and goodwill credits");
        var article = anyone.get("/kb/resetting-your-password", "text/html");
        assertThat(article.status()).isEqualTo(200);
        assertThat(article.body()).contains("<strong>Forgot password?</strong>");
        assertThat(anyone.get("/kb/runbook-mail-intake-stops", "text/html").status())
                .isEqualTo(404);
        var rule = rules.list().stream()
                .filter(r -> r.articleId() != null)
                .findFirst()
                .orElseThrow();
        assertThat(rule.url()).endsWith("/kb/resetting-your-password");
        assertThat(rules.suggest("I am locked out", "a@b.example", "Help"))
                .anyMatch(s -> s.url().endsWith("/kb/resetting-your-password"));
    }
}
