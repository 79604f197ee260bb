package org.firstline.benchmark;

import java.util.Random;

/**
 * Knowledge base articles that read like a SaaS help centre's: a title and a body of a few hundred words on one of
 * forty topics, written from shared sentence shapes filled with the topic's words, so common words ("account",
 * "settings") are in thousands of articles, a topic's words in hundreds, and a few made-up product names in a handful.
 */
final class ArticleCorpus {
    record Article(String title, String body, boolean internal) {}

    static final String[][] TOPICS = {
        {"password", "reset", "sign-in", "locked"}, {"two-factor", "authenticator", "recovery", "code"},
        {"single sign-on", "SAML", "identity provider", "Okta"}, {"custom domain", "DNS", "CNAME", "registrar"},
        {"certificate", "TLS", "HTTPS", "renewal"}, {"invoice", "VAT", "billing address", "receipt"},
        {"refund", "credit", "chargeback", "cancellation"}, {"seat", "licence", "upgrade", "plan"},
        {"export", "CSV", "download", "archive"}, {"import", "spreadsheet", "mapping", "columns"},
        {"API token", "rate limit", "endpoint", "pagination"}, {"webhook", "signature", "retry", "payload"},
        {"email notification", "digest", "unsubscribe", "bounce"}, {"mobile app", "iOS", "Android", "push"},
        {"calendar", "time zone", "reminder", "recurring"}, {"report", "dashboard", "chart", "filter"},
        {"permission", "role", "administrator", "invite"}, {"team", "workspace", "member", "owner"},
        {"backup", "restore", "snapshot", "retention"}, {"storage", "quota", "attachment", "upload"},
        {"search", "index", "keyword", "results"}, {"integration", "Slack", "Teams", "channel"},
        {"GitHub", "repository", "pull request", "branch"}, {"deploy", "build", "pipeline", "rollback"},
        {"database", "connection", "replica", "failover"}, {"latency", "timeout", "performance", "cache"},
        {"audit log", "compliance", "GDPR", "deletion"}, {"browser", "Chrome", "Safari", "cookies"},
        {"printer", "PDF", "layout", "margins"}, {"language", "translation", "locale", "currency"},
        {"trial", "onboarding", "checklist", "tour"}, {"shortcut", "keyboard", "command", "palette"},
        {"template", "canned reply", "macro", "snippet"}, {"automation", "rule", "trigger", "condition"},
        {"SLA", "deadline", "business hours", "escalation"}, {"status page", "incident", "outage", "maintenance"},
        {"VPN", "firewall", "IP allowlist", "proxy"}, {"mail server", "SMTP", "SPF", "DKIM"},
        {"accessibility", "screen reader", "contrast", "zoom"}, {"offline", "sync", "conflict", "draft"}
    };
    private static final String[] TITLES = {
        "How to set up %s", "Troubleshooting %s", "Changing your %s", "Why does %s fail?",
                "%s: frequently asked questions",
        "Getting started with %s", "Fixing %s errors", "Understanding %s", "Turning off %s", "%s for administrators"
    };
    private static final String[] SENTENCES = {
        "Open your account settings and choose the %s section to see what is configured.",
        "If the %s does not work after a few minutes, sign out and sign in again before trying once more.",
        "Administrators can change the %s for the whole workspace; members only see their own.",
        "We recommend checking the %s before you contact support, since most problems start there.",
        "The %s is kept for thirty days, after which it is removed for good.",
        "When the %s shows an error, copy the message and the time it happened into your request.",
        "You can change the %s at any time; the change applies to new items only.",
        "Some browsers block the %s when privacy extensions are on, so try a private window first.",
        "Your plan decides how many %s changes you can make each month.",
        "The %s and the %s are connected: changing one may change the other.",
        "Follow the steps below to update the %s without losing any data.",
        "Please note that the %s may take up to an hour to appear everywhere.",
        "If you manage several workspaces, repeat this for the %s of each one."
    };
    private static final String[] RARE = {"quillbridge", "marrowfin", "tessaract", "brindlepost", "vexholm"};

    private final Random random = new Random(11);

    Article next(int i) {
        String[] topic = TOPICS[random.nextInt(TOPICS.length)];
        String title = String.format(TITLES[random.nextInt(TITLES.length)], topic[random.nextInt(topic.length)]);
        var body = new StringBuilder();
        int paragraphs = 3 + random.nextInt(5);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) body.append("\n\n");
            if (random.nextInt(4) == 0) body.append("## Step ").append(p).append("\n\n");
            int sentences = 3 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                // mostly the topic's words, now and then another topic's, as articles refer to each other
                String[] from = random.nextInt(6) == 0 ? TOPICS[random.nextInt(TOPICS.length)] : topic;
                String sentence = SENTENCES[random.nextInt(SENTENCES.length)];
                body.append(String.format(
                                sentence,
                                "**" + from[random.nextInt(from.length)] + "**",
                                from[random.nextInt(from.length)]))
                        .append(' ');
            }
        }
        // a made-up product name in about one article in two thousand: the rare word
        if (i % 2000 == 7)
            body.append("\n\nThis also applies to ")
                    .append(RARE[(i / 2000) % RARE.length])
                    .append('.');
        return new Article(title + " (" + i + ")", body.toString().strip(), random.nextInt(4) == 0);
    }
}
