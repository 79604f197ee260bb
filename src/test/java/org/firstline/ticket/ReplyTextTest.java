package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {
    @Test
    void foldsGmailStyleQuoteWrappedOverTwoLines() {
        var parts = ReplyText.split("""
                Thanks, that fixed it.

                On Mon, 23 Nov 2026 at 10:02, Firstline Support
                <help@firstline.test> wrote:
                > Please try restarting the agent.
                > Regards
                """);
        assertThat(parts.fresh()).isEqualTo("Thanks, that fixed it.");
        assertThat(parts.folded()).startsWith("On Mon, 23 Nov 2026").contains("> Please try restarting");
    }

    @Test
    void foldsOutlookHeaderBlockAndSignature() {
        var parts = ReplyText.split("""
                It happens again on build 42.
                --\s
                Ada Lovelace | Analytical Engines

                From: Firstline Support <help@firstline.test>
                Sent: Monday, 23 November 2026 10:00
                Subject: [#1001] Build agents stuck
                """);
        assertThat(parts.fresh()).isEqualTo("It happens again on build 42.");
        assertThat(parts.folded()).contains("Ada Lovelace", "Sent: Monday");
    }

    @Test
    void inlineAnswersBetweenQuotesStayVisible() {
        String body = """
                > Which version do you run?
                2026.3
                > And which OS?
                Debian 13
                """;
        var parts = ReplyText.split(body);
        assertThat(parts.fresh()).contains("2026.3", "Debian 13", "> Which version");
        assertThat(parts.hasFolded()).isFalse();
    }

    @Test
    void aMessageThatIsOnlyAQuoteIsShownWhole() {
        var parts = ReplyText.split("> just a quote\n> nothing else");
        assertThat(parts.fresh()).isEqualTo("> just a quote\n> nothing else");
        assertThat(parts.hasFolded()).isFalse();
    }
}
