package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusTransitionsTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "NEW, OPEN, true", "NEW, PENDING, true", "NEW, RESOLVED, true", "NEW, CLOSED, true", "NEW, NEW, true",
        "OPEN, NEW, false", "OPEN, PENDING, true", "OPEN, RESOLVED, true", "OPEN, CLOSED, true", "OPEN, OPEN, true",
        "PENDING, NEW, false", "PENDING, OPEN, true", "PENDING, PENDING, true", "PENDING, RESOLVED, true",
                "PENDING, CLOSED, true",
        "RESOLVED, NEW, false", "RESOLVED, OPEN, true", "RESOLVED, PENDING, false", "RESOLVED, CLOSED, true",
                "RESOLVED, RESOLVED, true",
        "CLOSED, NEW, false", "CLOSED, OPEN, false", "CLOSED, PENDING, false", "CLOSED, RESOLVED, false",
                "CLOSED, CLOSED, true",
    })
    void allowsExactlyTheMovesOfTheStatusMachine(TicketStatus from, TicketStatus to, boolean allowed) {
        assertThat(StatusTransitions.allowed(from, to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"CODE_FIX", "UI_CHANGE", "DOCUMENTATION", "SELF_SERVICE"})
    void resolutionsThatChangedSomethingNeedTheLinkToTheChange(Resolution resolution) {
        assertThatThrownBy(
                        () -> StatusTransitions.check(TicketStatus.OPEN, TicketStatus.RESOLVED, null, resolution, " "))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("resolutionLink");
        StatusTransitions.check(TicketStatus.OPEN, TicketStatus.RESOLVED, null, resolution, "https://example.org/pr/1");
    }

    @ParameterizedTest
    @CsvSource({"WORKAROUND", "CUSTOMER_SIDE", "OUT_OF_SCOPE", "NOT_FIXED_IN_TIMEBOX"})
    void otherResolutionsNeedNoLink(Resolution resolution) {
        StatusTransitions.check(TicketStatus.PENDING, TicketStatus.RESOLVED, null, resolution, null);
    }

    @ParameterizedTest
    @CsvSource({"CLOSED, OPEN, closed", "OPEN, NEW, NEW", "RESOLVED, PENDING, reopen"})
    void refusalsSayWhy(TicketStatus from, TicketStatus to, String reason) {
        assertThatThrownBy(() -> StatusTransitions.check(from, to, PendingReason.CUSTOMER, null, null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(reason);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "javascript:alert(1)",
                "data:text/html,<script>x</script>",
                "JaVaScRiPt:alert(1)",
                "//evil.example/x",
                "ftp://files.example/x",
                "https://ok.example/a b"
            })
    void aResolutionLinkIsAWebAddressOnly(String link) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StatusTransitions.checkLink(link))
                .isInstanceOf(org.firstline.platform.InvalidRequestException.class);
    }
}
