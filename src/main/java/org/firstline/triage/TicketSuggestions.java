package org.firstline.triage;

import java.util.List;

/** Everything Firstline suggests for one ticket. */
public record TicketSuggestions(
        long ticketId,
        List<TeamSuggestion> teams,
        List<AssigneeSuggestion> assignees,
        PrioritySuggestion priority,
        List<SimilarTicket> similar) {}
