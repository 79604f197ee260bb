package org.firstline.survey;

import java.util.Locale;
import org.firstline.platform.InvalidRequestException;

/** Whom the report credits: the owner, team or organization of the ticket when it was resolved. */
public enum ReportGrouping {
    AGENT,
    TEAM,
    ORGANIZATION;

    public static ReportGrouping parse(String text) {
        for (var grouping : values()) {
            if (grouping.name().equalsIgnoreCase(text.strip())) return grouping;
        }
        throw new InvalidRequestException("groupBy", "must be one of agent, team, organization");
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
