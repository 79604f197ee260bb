package org.firstline.oncall;

/** Whom a step of an escalation policy pages: whoever is on a rota then, one person, or a team's Slack channel. */
public enum TargetKind {
    ROTA,
    AGENT,
    TEAM_CHANNEL
}
