package org.firstline.ticket.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketFilter;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Reads a ticket filter from request parameters, shared by the API and the UI (whose saved views are stored as
 * these same query strings). {@code teamId} takes an id, {@code none} or {@code mine}; {@code ownerId} an id,
 * {@code none} or {@code me}; {@code status} a list of statuses or {@code open}.
 */
final class TicketFilterParams {
    private TicketFilterParams() {}

    static TicketFilter from(MultiValueMap<String, String> params, AgentPrincipal agent, List<Long> myTeams) {
        return build(
                params.get("status"),
                params.getFirst("teamId"),
                params.getFirst("ownerId"),
                number(params.getFirst("organizationId"), "organizationId"),
                number(params.getFirst("requesterId"), "requesterId"),
                enumValue(params.getFirst("type"), "type", TicketType::valueOf, TicketType.values()),
                enumValue(params.getFirst("priority"), "priority", Priority::valueOf, Priority.values()),
                blankToNull(params.getFirst("label")),
                blankToNull(params.getFirst("q")),
                "true".equals(params.getFirst("awaitingReply")),
                enumValue(
                        params.getFirst("pendingReason"),
                        "pendingReason",
                        PendingReason::valueOf,
                        PendingReason.values()),
                agent,
                myTeams);
    }

    static TicketFilter build(
            @Nullable List<String> status,
            @Nullable String teamId,
            @Nullable String ownerId,
            @Nullable Long organizationId,
            @Nullable Long requesterId,
            @Nullable TicketType type,
            @Nullable Priority priority,
            @Nullable String label,
            @Nullable String q,
            boolean awaitingReply,
            @Nullable PendingReason pendingReason,
            AgentPrincipal agent,
            List<Long> myTeams) {
        List<Long> teams = "mine".equals(teamId)
                ? (myTeams.isEmpty() ? List.of(-1L) : myTeams)
                : teamId == null || teamId.isBlank() || "none".equals(teamId)
                        ? List.of()
                        : List.of(number(teamId, "teamId"));
        Long owner = "me".equals(ownerId)
                ? Long.valueOf(agent.id())
                : ownerId == null || ownerId.isBlank() || "none".equals(ownerId) ? null : number(ownerId, "ownerId");
        return new TicketFilter(
                statuses(status),
                teams,
                "none".equals(teamId),
                owner,
                "none".equals(ownerId),
                organizationId,
                requesterId,
                type,
                priority,
                label,
                q,
                awaitingReply,
                pendingReason);
    }

    static List<TicketStatus> statuses(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .flatMap(v -> "open".equalsIgnoreCase(v)
                        ? TicketFilter.OPEN_STATUSES.stream()
                        : List.of(enumValue(
                                        v.toUpperCase(Locale.ROOT),
                                        "status",
                                        TicketStatus::valueOf,
                                        TicketStatus.values()))
                                .stream())
                .distinct()
                .toList();
    }

    private static @Nullable Long number(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "must be a number");
        }
    }

    private static <E extends Enum<E>> @Nullable E enumValue(
            @Nullable String value, String field, Function<String, E> parse, E[] all) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "must be one of " + List.of(all));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
