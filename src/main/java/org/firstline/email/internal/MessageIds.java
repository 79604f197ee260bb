package org.firstline.email.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Message-IDs as Message-ID, In-Reply-To, References and quoted headers carry them, without their angle brackets. */
final class MessageIds {
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]{1,900})>");
    private static final Pattern QUOTED_MESSAGE_ID = Pattern.compile("(?im)^\\s*Message-ID:\\s*<([^<>\\s]{1,900})>");
    private static final int MAX_IDS = 100;

    private MessageIds() {}

    /** The first id in angle brackets, else the value itself when it is one word (some mailers leave the brackets out). */
    static @Nullable String first(@Nullable String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ANGLE_ID.matcher(value);
        if (m.find()) {
            return m.group(1);
        }
        String bare = value.strip();
        return bare.isEmpty() || bare.length() > 900 || bare.contains(" ") ? null : bare;
    }

    /** Every id in angle brackets, in order; a References header of thousands is cut at a hundred. */
    static List<String> all(@Nullable String value) {
        List<String> ids = new ArrayList<>();
        if (value != null) {
            Matcher m = ANGLE_ID.matcher(value);
            while (m.find() && ids.size() < MAX_IDS) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** The first "Message-ID: <…>" line quoted in a text, such as a bounce that quotes the message it returns. */
    static @Nullable String quotedIn(String text) {
        Matcher m = QUOTED_MESSAGE_ID.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
