package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalMessagesTest {
    @Test
    void fieldsReadAsWordsWithPositionsCountedFromOne() {
        assertThat(RefusalMessages.field("ownerId")).isEqualTo("Owner");
        assertThat(RefusalMessages.field("timeZone")).isEqualTo("Time zone");
        assertThat(RefusalMessages.field("steps[0].delayMinutes")).isEqualTo("Step 1, delay minutes");
        assertThat(RefusalMessages.field("members[2].agentId")).isEqualTo("Member 3, agent");
        assertThat(RefusalMessages.field("shadows0")).isEqualTo("Shadow 1");
        assertThat(RefusalMessages.field("addresses[1]")).isEqualTo("Address 2");
    }

    @Test
    void aRefusalNamesItsFieldThenSaysWhy() {
        assertThat(RefusalMessages.of(new InvalidRequestException("members[0].agentId", "is not active")))
                .isEqualTo("Member 1, agent is not active");
        assertThat(RefusalMessages.of(new ConflictException("The swap is approved already.")))
                .isEqualTo("The swap is approved already.");
    }
}
