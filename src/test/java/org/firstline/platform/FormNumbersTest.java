package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormNumbersTest {
    @Test
    void emptyIsNoValueAndAnythingElseIsAWholeNumberInRange() {
        assertThat(FormNumbers.optional("teamId", " ", 1, 10)).isNull();
        assertThat(FormNumbers.optional("teamId", null, 1, 10)).isNull();
        assertThat(FormNumbers.optional("teamId", " 7 ", 1, 10)).isEqualTo(7L);
        assertThatThrownBy(() -> FormNumbers.optional("teamId", "seven", 1, 10))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("is not a whole number");
        assertThatThrownBy(() -> FormNumbers.optional("minutes", "99999999999", 1, 20160))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("must be from 1 to 20160");
        assertThatThrownBy(() -> FormNumbers.optionalInt("shiftDays", "99999999999"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(FormNumbers.optionalInt("shiftDays", "14")).isEqualTo(14);
    }
}
