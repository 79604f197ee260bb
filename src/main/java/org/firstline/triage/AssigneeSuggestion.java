package org.firstline.triage;

import java.util.List;

/** Someone who could take the ticket, and why; a learning opportunity is someone new to this kind of ticket with room for it. */
public record AssigneeSuggestion(
        long agentId,
        String name,
        double score,
        List<String> reasons,
        boolean learningOpportunity,
        int openTickets,
        int minutesThisWeek,
        int capacityHours) {}
