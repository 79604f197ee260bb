package org.firstline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonConfigurationTest {
    enum Status {
        OPERATIONAL,
        DEGRADED,
        MAJOR_OUTAGE
    }

    record Body(@Nullable Status status, @Nullable Instant at) {}

    private final JsonMapper json = strict();

    private static JsonMapper strict() {
        var builder = JsonMapper.builder();
        new StrictJsonConfiguration().strictJson().customize(builder);
        return builder.build();
    }

    @Test
    void anEnumIsOneOfItsWordsNeverItsPosition() {
        assertThat(json.readValue("{\"status\":\"DEGRADED\"}", Body.class).status())
                .isEqualTo(Status.DEGRADED);
        assertThatThrownBy(() -> json.readValue("{\"status\":2}", Body.class)).isInstanceOf(DatabindException.class);
    }

    @Test
    void aDateTimeIsWrittenOutNeverANumberOfSeconds() {
        assertThat(json.readValue("{\"at\":\"2026-12-01T10:00:00Z\"}", Body.class)
                        .at())
                .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThatThrownBy(() -> json.readValue("{\"at\":1900000000}", Body.class))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> json.readValue("{\"at\":1900003600.5}", Body.class))
                .isInstanceOf(DatabindException.class);
    }
}
