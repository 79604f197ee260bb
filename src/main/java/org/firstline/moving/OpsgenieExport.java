package org.firstline.moving;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an admin pastes in: the {@code data} of Opsgenie's REST API answers for schedules (with rotations), schedule
 * overrides, escalations and users. Field names are Opsgenie's; a field we do not know is refused, naming it.
 */
public record OpsgenieExport(
        boolean dryRun,
        @Nullable String duty,
        @Nullable List<Schedule> schedules,
        @Nullable List<Override> overrides,
        @Nullable List<Escalation> escalations,
        @Nullable List<User> users) {

    public record Ref(
            @Nullable String id,
            @Nullable String name,
            @Nullable Boolean enabled) {}

    public record Participant(
            @Nullable String type,
            @Nullable String id,
            @Nullable String name,
            @Nullable String username) {}

    public record Rotation(
            @Nullable String id,
            @Nullable String name,
            @Nullable String startDate,
            @Nullable String endDate,
            @Nullable String type,
            @Nullable Integer length,
            @Nullable Integer order,
            @Nullable List<Participant> participants,
            @Nullable Map<String, Object> timeRestriction) {}

    public record Schedule(
            @Nullable String id,
            @Nullable String name,
            @Nullable String description,
            @Nullable String timezone,
            @Nullable Boolean enabled,
            @Nullable Ref ownerTeam,
            @Nullable List<Rotation> rotations) {}

    /** {@code _parent} names the schedule, as Opsgenie's override answers do. */
    public record Override(
            @com.fasterxml.jackson.annotation.JsonProperty("_parent") @Nullable
            Ref parent,

            @Nullable String alias,
            @Nullable Participant user,
            @Nullable String startDate,
            @Nullable String endDate,
            @Nullable List<Ref> rotations) {}

    public record Delay(
            @Nullable Integer timeAmount, @Nullable String timeUnit) {}

    public record Rule(
            @Nullable String condition,
            @Nullable String notifyType,
            @Nullable Delay delay,
            @Nullable Participant recipient) {}

    public record Repeat(
            @Nullable Integer waitInterval,
            @Nullable Integer count,
            @Nullable Boolean resetRecipientStates,
            @Nullable Boolean closeAlertAfterAll) {}

    public record Escalation(
            @Nullable String id,
            @Nullable String name,
            @Nullable String description,
            @Nullable Ref ownerTeam,
            @Nullable List<Rule> rules,
            @Nullable Repeat repeat) {}

    public record User(
            @Nullable String id,
            @Nullable String username,
            @Nullable String fullName,
            @Nullable Map<String, Object> role,
            @Nullable String timeZone,
            @Nullable String locale,
            @Nullable Boolean blocked,
            @Nullable Boolean verified,
            @Nullable String createdAt,
            @Nullable List<String> tags,
            @Nullable Map<String, Object> userAddress,
            @Nullable Map<String, Object> details) {}
}
