package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.TicketStateMachine.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle as a table: every status pair of an agent's edit, then each intent with its outcome and events. */
class TicketStateMachineTest {
    private static final Instant EARLIER = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final long TEAM = 7, OWNER = 11, MANAGER = 42;

    /** A ticket in this status with a team and an owner, as it would be there. */
    private static State in(TicketStatus status) {
        boolean resolved = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
        return new State(
                1,
                1001,
                status,
                status == TicketStatus.PENDING ? PendingReason.ENGINEERING : null,
                resolved ? Resolution.WORKAROUND : null,
                null,
                status == TicketStatus.RESOLVED
                        ? ResolutionOutcome.AWAITING_CONFIRMATION
                        : status == TicketStatus.CLOSED ? ResolutionOutcome.CONFIRMED : null,
                resolved ? EARLIER : null,
                status == TicketStatus.CLOSED ? EARLIER : null,
                TEAM,
                OWNER);
    }

    private static TicketStateMachine.Edit to(TicketStatus status) {
        return new TicketStateMachine.Edit(
                status,
                status == TicketStatus.PENDING ? PendingReason.CUSTOMER : null,
                status == TicketStatus.RESOLVED ? Resolution.WORKAROUND : null,
                null,
                null,
                null);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}, outcome {3}, resolvedAt {4}, closedAt {5}")
    @CsvSource(
            nullValues = "-",
            value = {
                // from,   to,       allowed, outcome,               resolvedAt, closedAt
                "NEW,      NEW,      true,    -,                     -,          -",
                "NEW,      OPEN,     true,    -,                     -,          -",
                "NEW,      PENDING,  true,    -,                     -,          -",
                "NEW,      RESOLVED, true,    AWAITING_CONFIRMATION, now,        -",
                "NEW,      CLOSED,   true,    CLOSED_DIRECTLY,       -,          now",
                "OPEN,     NEW,      false,   -,                     -,          -",
                "OPEN,     OPEN,     true,    -,                     -,          -",
                "OPEN,     PENDING,  true,    -,                     -,          -",
                "OPEN,     RESOLVED, true,    AWAITING_CONFIRMATION, now,        -",
                "OPEN,     CLOSED,   true,    CLOSED_DIRECTLY,       -,          now",
                "PENDING,  NEW,      false,   -,                     -,          -",
                "PENDING,  OPEN,     true,    -,                     -,          -",
                "PENDING,  PENDING,  true,    -,                     -,          -",
                "PENDING,  RESOLVED, true,    AWAITING_CONFIRMATION, now,        -",
                "PENDING,  CLOSED,   true,    CLOSED_DIRECTLY,       -,          now",
                "RESOLVED, NEW,      false,   -,                     -,          -",
                "RESOLVED, OPEN,     true,    -,                     -,          -",
                "RESOLVED, PENDING,  false,   -,                     -,          -",
                "RESOLVED, RESOLVED, true,    AWAITING_CONFIRMATION, earlier,    -",
                "RESOLVED, CLOSED,   true,    AWAITING_CONFIRMATION, earlier,    now",
                "CLOSED,   NEW,      false,   -,                     -,          -",
                "CLOSED,   OPEN,     false,   -,                     -,          -",
                "CLOSED,   PENDING,  false,   -,                     -,          -",
                "CLOSED,   RESOLVED, false,   -,                     -,          -",
                "CLOSED,   CLOSED,   false,   -,                     -,          -",
            })
    void anAgentsEditMovesBetweenEveryPairOfStatusesAsTheStatusMachineSays(
            TicketStatus from,
            TicketStatus to,
            boolean allowed,
            ResolutionOutcome outcome,
            String resolvedAt,
            String closedAt) {
        if (!allowed) {
            assertThatThrownBy(() -> TicketStateMachine.decide(in(from), to(to), NOW))
                    .isInstanceOf(ConflictException.class);
            return;
        }
        var transition = TicketStateMachine.decide(in(from), to(to), NOW);
        var next = transition.next();
        assertThat(next.status()).isEqualTo(to);
        assertThat(next.outcome()).isEqualTo(outcome);
        assertThat(next.resolvedAt()).isEqualTo(time(resolvedAt));
        assertThat(next.closedAt()).isEqualTo(time(closedAt));
        assertThat(next.pendingReason()).isEqualTo(to == TicketStatus.PENDING ? PendingReason.CUSTOMER : null);
        assertThat(next.teamId()).as("an edit of the status keeps the people").isEqualTo(TEAM);
        assertThat(next.ownerId()).isEqualTo(OWNER);
        assertThat(transition.events())
                .isEqualTo(from == to ? List.of() : List.of(new TicketStatusChanged(1, from, to)));
        assertThat(transition.pendingReasonChanged()).isEqualTo(from == to && from == TicketStatus.PENDING);
        if (from == TicketStatus.RESOLVED && to == TicketStatus.OPEN) {
            assertThat(next.resolution()).as("a reopen drops the resolution").isNull();
        }
    }

    @Test
    void aNewOwnerOrTeamIsAnnouncedWithWhatWasBefore() {
        var edit = new TicketStateMachine.Edit(null, null, null, null, Optional.of(8L), Optional.empty());
        var transition = TicketStateMachine.decide(in(TicketStatus.OPEN), edit, NOW);
        assertThat(transition.next().teamId()).isEqualTo(8L);
        assertThat(transition.next().ownerId()).isNull();
        assertThat(transition.events()).containsExactly(new TicketAssigned(1, 8L, null, TEAM, OWNER));
    }

    @Test
    void aClosedTicketTakesNoEditAtAll() {
        var edit = new TicketStateMachine.Edit(null, null, null, null, Optional.of(8L), null);
        assertThatThrownBy(() -> TicketStateMachine.decide(in(TicketStatus.CLOSED), edit, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("#1001 is closed");
    }

    @Test
    void resolvingNeedsAResolution() {
        var edit = new TicketStateMachine.Edit(TicketStatus.RESOLVED, null, null, null, null, null);
        assertThatThrownBy(() -> TicketStateMachine.decide(in(TicketStatus.OPEN), edit, NOW))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    @DisplayName("2i2c: the requester's confirmation closes a resolved ticket as CONFIRMED")
    void confirmationCloses() {
        var transition = TicketStateMachine.decide(in(TicketStatus.RESOLVED), new TicketStateMachine.Confirm(), NOW);
        assertThat(transition.next().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(transition.next().outcome()).isEqualTo(ResolutionOutcome.CONFIRMED);
        assertThat(transition.next().closedAt()).isEqualTo(NOW);
        assertThat(transition.next().resolvedAt()).isEqualTo(EARLIER);
        assertThat(transition.events())
                .containsExactly(new TicketStatusChanged(1, TicketStatus.RESOLVED, TicketStatus.CLOSED));
    }

    @Test
    @DisplayName("2i2c: 'not fixed' reopens into triage as REJECTED, without team or owner")
    void rejectionGoesBackToTriage() {
        var transition = TicketStateMachine.decide(in(TicketStatus.RESOLVED), new TicketStateMachine.Reject(), NOW);
        var next = transition.next();
        assertThat(next.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(next.outcome()).isEqualTo(ResolutionOutcome.REJECTED);
        assertThat(next.resolution()).isNull();
        assertThat(next.resolvedAt()).isNull();
        assertThat(next.teamId()).isNull();
        assertThat(next.ownerId()).isNull();
        assertThat(transition.events())
                .containsExactly(
                        new TicketStatusChanged(1, TicketStatus.RESOLVED, TicketStatus.OPEN),
                        new TicketAssigned(1, null, null, TEAM, OWNER));
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "OPEN", "PENDING", "CLOSED"})
    void onlyAResolvedTicketTakesTheRequestersAnswer(TicketStatus status) {
        assertThatThrownBy(() -> TicketStateMachine.decide(in(status), new TicketStateMachine.Confirm(), NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("only a RESOLVED ticket");
        assertThatThrownBy(() -> TicketStateMachine.decide(in(status), new TicketStateMachine.Reject(), NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> TicketStateMachine.decide(in(status), new TicketStateMachine.CloseUnanswered(7), NOW))
                .isInstanceOf(ConflictException.class);
    }

    @ParameterizedTest(name = "the requester writes on {0}: {1}")
    @CsvSource({"NEW, NEW", "OPEN, OPEN", "PENDING, PENDING", "RESOLVED, OPEN"})
    @DisplayName("2i2c: any requester message on a resolved ticket reopens it with team and owner kept")
    void aRequesterMessageReopensAResolvedTicketKeepingItsPeople(TicketStatus from, TicketStatus to) {
        var transition = TicketStateMachine.decide(in(from), new TicketStateMachine.RequesterWrote(), NOW);
        assertThat(transition.next().status()).isEqualTo(to);
        assertThat(transition.next().teamId()).isEqualTo(TEAM);
        assertThat(transition.next().ownerId()).isEqualTo(OWNER);
        if (from == TicketStatus.RESOLVED) {
            assertThat(transition.next().outcome()).isNull();
            assertThat(transition.next().resolution()).isNull();
            assertThat(transition.next().resolvedAt()).isNull();
            assertThat(transition.reason()).isEqualTo("requester replied");
            assertThat(transition.events())
                    .containsExactly(new TicketStatusChanged(1, TicketStatus.RESOLVED, TicketStatus.OPEN));
        } else {
            assertThat(transition.events()).isEmpty();
            assertThat(transition.reason()).isNull();
        }
    }

    @Test
    void aRequesterMessageEndsAWaitOnTheCustomerOnly() {
        var waiting = in(TicketStatus.PENDING).with(TicketStatus.PENDING, PendingReason.CUSTOMER);
        assertThat(TicketStateMachine.decide(waiting, new TicketStateMachine.RequesterWrote(), NOW)
                        .next()
                        .status())
                .isEqualTo(TicketStatus.OPEN);
        assertThat(TicketStateMachine.decide(in(TicketStatus.PENDING), new TicketStateMachine.RequesterWrote(), NOW)
                        .next()
                        .status())
                .as("waiting on engineering")
                .isEqualTo(TicketStatus.PENDING);
    }

    @ParameterizedTest(name = "an agent replies on {0}: {1}")
    @CsvSource({"NEW, OPEN", "OPEN, OPEN", "PENDING, PENDING", "RESOLVED, RESOLVED"})
    void anAgentsFirstReplyOpensANewTicket(TicketStatus from, TicketStatus to) {
        assertThat(TicketStateMachine.decide(in(from), new TicketStateMachine.AgentReplied(), NOW)
                        .next()
                        .status())
                .isEqualTo(to);
    }

    @Test
    @DisplayName("2i2c: no answer for N days closes a resolved ticket as AUTO_CLOSED and says why")
    void anUnansweredResolutionClosesByItself() {
        var transition =
                TicketStateMachine.decide(in(TicketStatus.RESOLVED), new TicketStateMachine.CloseUnanswered(7), NOW);
        assertThat(transition.next().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(transition.next().outcome()).isEqualTo(ResolutionOutcome.AUTO_CLOSED);
        assertThat(transition.next().resolution()).isEqualTo(Resolution.WORKAROUND);
        assertThat(transition.next().closedAt()).isEqualTo(NOW);
        assertThat(transition.reason()).isEqualTo("no answer from the requester in 7 days");
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "OPEN", "PENDING", "RESOLVED"})
    void aMergedDuplicateClosesDirectly(TicketStatus from) {
        var next = TicketStateMachine.decide(in(from), new TicketStateMachine.CloseAsDuplicate(), NOW)
                .next();
        assertThat(next.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(next.resolution()).isEqualTo(Resolution.DUPLICATE);
        assertThat(next.outcome()).isEqualTo(ResolutionOutcome.CLOSED_DIRECTLY);
        assertThat(next.pendingReason()).isNull();
        assertThatThrownBy(() -> TicketStateMachine.decide(
                        in(TicketStatus.CLOSED), new TicketStateMachine.CloseAsDuplicate(), NOW))
                .isInstanceOf(ConflictException.class);
    }

    @ParameterizedTest(name = "dxw: out of scope on {0}")
    @CsvSource({"NEW, true", "OPEN, true", "PENDING, false"})
    @DisplayName("dxw: out-of-scope work waits on the account manager, who owns it; the team stays")
    void outOfScopeWorkGoesToTheAccountManager(TicketStatus from, boolean statusChanges) {
        var transition = TicketStateMachine.decide(in(from), new TicketStateMachine.HandToAccountManager(MANAGER), NOW);
        assertThat(transition.next().status()).isEqualTo(TicketStatus.PENDING);
        assertThat(transition.next().pendingReason()).isEqualTo(PendingReason.ACCOUNT_MANAGER);
        assertThat(transition.next().ownerId()).isEqualTo(MANAGER);
        assertThat(transition.next().teamId()).isEqualTo(TEAM);
        assertThat(transition.events()).contains(new TicketAssigned(1, TEAM, MANAGER, TEAM, OWNER));
        assertThat(transition.events().stream().anyMatch(e -> e instanceof TicketStatusChanged))
                .isEqualTo(statusChanges);
        assertThat(transition.pendingReasonChanged())
                .as("from waiting on engineering")
                .isEqualTo(!statusChanges);
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"RESOLVED", "CLOSED"})
    void finishedTicketsAreNotHandedOver(TicketStatus from) {
        assertThatThrownBy(() ->
                        TicketStateMachine.decide(in(from), new TicketStateMachine.HandToAccountManager(MANAGER), NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(from.name());
    }

    private static Instant time(String which) {
        return which == null ? null : which.equals("now") ? NOW : EARLIER;
    }
}
