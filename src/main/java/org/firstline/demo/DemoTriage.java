package org.firstline.demo;

import org.firstline.triage.OwnershipMap;
import org.firstline.triage.OwnershipRuleForm;
import org.firstline.triage.RuleKind;
import org.firstline.triage.TeamQueues;
import org.springframework.stereotype.Component;

/** The demo teams' support areas on the ownership map, and who of each is on first line. */
@Component
class DemoTriage {
    private final OwnershipMap ownershipMap;
    private final TeamQueues queues;

    DemoTriage(OwnershipMap ownershipMap, TeamQueues queues) {
        this.ownershipMap = ownershipMap;
        this.queues = queues;
    }

    void create(DemoPeople people) {
        long ops = people.teams().get(0).id();
        long platform = people.teams().get(1).id();
        long docs = people.teams().get(2).id();
        for (String word : new String[] {
            "dns", "certificate", "quota", "gpu", "storage", "backup", "outage", "mount", "cname", "upgrade"
        }) {
            ownershipMap.add(new OwnershipRuleForm(ops, RuleKind.KEYWORD, word, 2));
        }
        ownershipMap.add(new OwnershipRuleForm(ops, RuleKind.PHRASE, "home directory", 3));
        ownershipMap.add(new OwnershipRuleForm(ops, RuleKind.PATTERN, "\\b50[0-4]\\b", 3));
        for (String word : new String[] {"sso", "password", "sign-in", "login", "token", "slow", "dashboard", "api"}) {
            ownershipMap.add(new OwnershipRuleForm(platform, RuleKind.KEYWORD, word, 2));
        }
        ownershipMap.add(new OwnershipRuleForm(platform, RuleKind.PHRASE, "rate limit", 3));
        for (String word : new String[] {"workshop", "docs", "documentation", "guide", "invoice", "representatives"}) {
            ownershipMap.add(new OwnershipRuleForm(docs, RuleKind.KEYWORD, word, 2));
        }
        ownershipMap.add(new OwnershipRuleForm(docs, RuleKind.PHRASE, "python package", 2));
        queues.setOnDuty(ops, people.agents().get(0).id());
        queues.setOnDuty(platform, people.agents().get(2).id());
        queues.setOnDuty(docs, people.agents().get(3).id());
    }
}
