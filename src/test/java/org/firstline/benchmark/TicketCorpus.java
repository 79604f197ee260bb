package org.firstline.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A support desk's tickets over eight teams, for measuring routing. Each team has its topics, written in many ways;
 * words such as "slow", "error", "login" or "timeout" belong to several teams; a requester's greeting, context and
 * signature surround the point; and about 8 % of tickets went to a team their words do not suggest (reroutes,
 * judgement calls), as on a real desk. The ownership map an admin would write for it covers each team's obvious words.
 */
final class TicketCorpus {
    record Ticket(String subject, String body, int team) {}

    record Rule(int team, String kind, String term, int weight) {}

    static final String[] TEAMS = {
        "Networking", "Storage", "Identity", "Billing", "Compute", "Databases", "Docs & Onboarding", "Mobile"
    };

    /** Per team: subject templates and body sentences; {x} is replaced by one of the team's nouns. */
    private static final String[][][] TOPICS = {
        { // Networking
            {
                "DNS for {x} does not resolve",
                "{x} unreachable from the office",
                "Timeout connecting to {x}",
                "TLS certificate error on {x}",
                "Ingress returns 502 for {x}",
                "Slow responses from {x} since this morning"
            },
            {
                "The CNAME record was changed yesterday", "traceroute stops at the load balancer",
                        "connections time out after 60 seconds",
                "the certificate chain looks incomplete", "we see packet loss between zones",
                        "the firewall rule may block port 443"
            },
            {
                "api.example.org",
                "the staging cluster",
                "our custom domain",
                "the VPN gateway",
                "the CDN edge",
                "the load balancer"
            }
        },
        { // Storage
            {
                "Quota exceeded on {x}",
                "Cannot write to {x}",
                "{x} is read-only",
                "Restore deleted files from {x}",
                "Backup of {x} failed",
                "Slow reads from {x}"
            },
            {
                "the volume reports no space left on device", "we need the snapshot from last Tuesday",
                        "the mount became read-only",
                "users hit the 10 GB quota", "the nightly backup job exited with an error", "copying large files stalls"
            },
            {
                "the home directory",
                "the shared dataset",
                "the persistent volume",
                "the object bucket",
                "the NFS share",
                "the archive"
            }
        },
        { // Identity
            {
                "Cannot login with {x}",
                "{x} rejects new staff",
                "Password reset via {x} never arrives",
                "MFA prompt loops on {x}",
                "Account locked after {x} change",
                "Login error 'user not allowed' from {x}"
            },
            {
                "the SSO redirect comes back with an error", "new accounts cannot sign in",
                        "the reset email never arrives",
                "two-factor codes are rejected", "the SAML assertion seems expired", "group membership is not applied"
            },
            {"SSO", "the identity provider", "Google sign-in", "the SAML login", "our Azure AD", "the password page"}
        },
        { // Billing
            {
                "Invoice for {x} looks wrong",
                "Charged twice for {x}",
                "Change payment method for {x}",
                "Refund for {x}",
                "VAT number missing on {x}",
                "Upgrade plan for {x}"
            },
            {
                "the invoice shows hours we did not use", "the credit card was charged twice",
                        "we need a purchase order number on it",
                "please switch us to annual billing", "the tax line is wrong", "our finance team asks for a refund"
            },
            {"October", "our subscription", "the annual plan", "the support hours", "the last invoice", "our account"}
        },
        { // Compute
            {
                "{x} stuck pending",
                "{x} crash with out of memory",
                "Autoscaling does not add {x}",
                "{x} slow since the upgrade",
                "Cannot start {x}",
                "CPU throttling on {x}"
            },
            {
                "the pods stay pending for hours",
                "the job gets OOMKilled",
                "the node pool does not scale up",
                "the kernel restarts every few minutes",
                "the GPU is not visible in the container",
                "the scheduler reports insufficient cpu"
            },
            {"GPU nodes", "worker pods", "notebook servers", "batch jobs", "the node pool", "the kernels"}
        },
        { // Databases
            {
                "{x} query timeout",
                "{x} replication lag",
                "Connection limit reached on {x}",
                "{x} slow after migration",
                "Restore {x} to yesterday",
                "Upgrade {x} to version 16"
            },
            {
                "queries time out after 30 seconds", "the replica is hours behind",
                        "too many connections errors in the log",
                "an index seems to be missing", "we need a point in time restore", "the migration locked the table"
            },
            {"PostgreSQL", "the reporting database", "the read replica", "MySQL", "the analytics warehouse", "Redis"}
        },
        { // Docs & Onboarding
            {
                "How do I {x}?",
                "Docs for {x} are unclear",
                "Workshop: {x}",
                "Training on {x} for new staff",
                "Guide to {x} outdated",
                "Where is the documentation on {x}"
            },
            {
                "the guide mentions an option that no longer exists",
                "we run a workshop for 40 students next month",
                "new colleagues need an introduction",
                "the tutorial skips a step",
                "please point us to the right page",
                "is there a recording of the onboarding session"
            },
            {
                "add a python package",
                "set up the environment",
                "use the API tokens",
                "invite collaborators",
                "schedule deployments",
                "get started"
            }
        },
        { // Mobile
            {
                "{x} crashes on start",
                "Push notifications missing on {x}",
                "Login fails in {x}",
                "{x} slow to load",
                "{x} shows a blank screen",
                "Update for {x} rejected"
            },
            {
                "the app closes right after the splash screen", "notifications stopped after the update",
                        "the store review rejected the build",
                "users on older phones see a white screen", "the login page spins forever in the app",
                        "the error appears only on Android"
            },
            {
                "the iOS app",
                "the Android app",
                "the tablet app",
                "the mobile app",
                "the app on iPhone 12",
                "the beta build"
            }
        },
    };

    private static final String[] OPENINGS = {
        "Hello,", "Hi team,", "Dear support,", "Good morning,", "", "Hi there,", "Urgent:", ""
    };
    private static final String[] CONTEXT = {
        "This started after the weekend.",
        "It affects about twenty users.",
        "We have not changed anything on our side.",
        "Our users report an error and they are blocked.",
        "It is slow and we see an error.",
        "Could you have a look today?",
        "Screenshot attached.",
        "This is blocking our release.",
        "Not urgent, but annoying."
    };
    private static final String[] CLOSINGS = {
        "Thanks,\nAnn", "Best regards,\nDr. Quinn", "Cheers, Rafael", "Thank you!", "--\nSent from my phone", ""
    };

    private TicketCorpus() {}

    static List<Ticket> generate(int count, long seed) {
        var random = new Random(seed);
        var tickets = new ArrayList<Ticket>(count);
        for (int i = 0; i < count; i++) {
            int team = random.nextInt(TEAMS.length);
            String[][] topic = TOPICS[team];
            String noun = topic[2][random.nextInt(topic[2].length)];
            String subject = topic[0][random.nextInt(topic[0].length)].replace("{x}", noun);
            String body =
                    OPENINGS[random.nextInt(OPENINGS.length)] + "\n" + topic[1][random.nextInt(topic[1].length)] + ". "
                            + CONTEXT[random.nextInt(CONTEXT.length)] + " "
                            + (random.nextBoolean() ? topic[1][random.nextInt(topic[1].length)] + ". " : "")
                            + "\n" + CLOSINGS[random.nextInt(CLOSINGS.length)];
            // reroutes and judgement calls: the team the ticket really went to is not the one its words suggest
            int routed = random.nextInt(100) < 8 ? random.nextInt(TEAMS.length) : team;
            tickets.add(new Ticket(subject, body, routed));
        }
        return tickets;
    }

    /** The map an admin writes on day one: each team's obvious words, some of them shared with other teams. */
    static List<Rule> ownershipMap() {
        return List.of(
                new Rule(0, "KEYWORD", "dns", 3),
                new Rule(0, "KEYWORD", "certificate", 2),
                new Rule(0, "KEYWORD", "timeout", 1),
                new Rule(0, "KEYWORD", "firewall", 2),
                new Rule(0, "PATTERN", "\\b50[234]\\b", 2),
                new Rule(1, "KEYWORD", "quota", 3),
                new Rule(1, "KEYWORD", "backup", 2),
                new Rule(1, "KEYWORD", "volume", 2),
                new Rule(1, "PHRASE", "read-only", 2),
                new Rule(2, "KEYWORD", "sso", 3),
                new Rule(2, "KEYWORD", "password", 2),
                new Rule(2, "KEYWORD", "login", 1),
                new Rule(2, "KEYWORD", "mfa", 3),
                new Rule(3, "KEYWORD", "invoice", 3),
                new Rule(3, "KEYWORD", "refund", 3),
                new Rule(3, "KEYWORD", "charged", 2),
                new Rule(4, "KEYWORD", "gpu", 3),
                new Rule(4, "KEYWORD", "pod", 2),
                new Rule(4, "PHRASE", "out of memory", 3),
                new Rule(4, "KEYWORD", "slow", 1),
                new Rule(5, "KEYWORD", "postgresql", 3),
                new Rule(5, "KEYWORD", "replication", 3),
                new Rule(5, "KEYWORD", "query", 2),
                new Rule(5, "KEYWORD", "timeout", 1),
                new Rule(6, "KEYWORD", "workshop", 3),
                new Rule(6, "KEYWORD", "docs", 2),
                new Rule(6, "KEYWORD", "documentation", 2),
                new Rule(6, "KEYWORD", "guide", 2),
                new Rule(7, "KEYWORD", "app", 2),
                new Rule(7, "KEYWORD", "android", 3),
                new Rule(7, "KEYWORD", "ios", 3),
                new Rule(7, "KEYWORD", "login", 1));
    }
}
