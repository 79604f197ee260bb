package org.firstline.platform;

import java.util.List;
import java.util.Map;
import org.firstline.platform.internal.JsonBodyProblems;

/** What is wrong with JSON a person pasted into a page, in the words the API uses: never Jackson's own message. */
public final class JsonRefusals {
    private JsonRefusals() {}

    public static String of(Throwable cause) {
        var problem = JsonBodyProblems.describe(cause);
        StringBuilder text =
                new StringBuilder(problem.getDetail() == null ? "The JSON cannot be read." : problem.getDetail());
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> e)
                    text.append(' ')
                            .append(e.get("field"))
                            .append(' ')
                            .append(e.get("message"))
                            .append('.');
            }
        }
        return text.toString();
    }
}
