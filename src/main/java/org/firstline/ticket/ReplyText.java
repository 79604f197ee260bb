package org.firstline.ticket;

import java.util.regex.Pattern;

/**
 * Splits a mail reply into what the sender wrote now and what it carries along: quoted history ("On … wrote:",
 * "> " lines, Outlook's "From: … Sent:" block, "-----Original Message-----") and the signature after "-- ".
 * The UI shows the first and folds the second away.
 */
public final class ReplyText {
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?m)^(?!>)[^\\n]{0,200}(wrote|schrieb|a écrit|escribió|ha scritto|schreef|skrev|написал)\\s*:\\s*$");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?m)^(On|Am|Le|El|Il|Op|Den) [^\\n]{0,200}$");
    private static final Pattern OUTLOOK =
            Pattern.compile("(?m)^(-{2,}\\s*Original Message\\s*-{2,}|_{10,}\\s*$|From: [^\\n]+\\n(Sent|Date): )");
    private static final Pattern QUOTED_BLOCK = Pattern.compile("(?m)^>");
    private static final Pattern SIGNATURE = Pattern.compile("(?m)^-- ?$");

    public record Parts(String fresh, String folded) {
        public boolean hasFolded() {
            return !folded.isBlank();
        }
    }

    private ReplyText() {}

    public static Parts split(String body) {
        if (body == null || body.isEmpty()) {
            return new Parts("", "");
        }
        String text = body.replace("\r\n", "\n");
        int cut = text.length();
        var attribution = ATTRIBUTION.matcher(text);
        if (attribution.find()) {
            int start = attribution.start();
            // "On Mon, 3 Jan 2026 at 10:00, Someone <a@b>" is often wrapped onto a second line before "wrote:"
            int lineBefore = text.lastIndexOf('\n', Math.max(0, start - 2));
            String previous = text.substring(lineBefore + 1, Math.max(lineBefore + 1, start));
            if (ATTRIBUTION_START.matcher(previous.strip()).matches()) {
                start = lineBefore + 1;
            }
            cut = Math.min(cut, start);
        }
        var outlook = OUTLOOK.matcher(text);
        if (outlook.find()) {
            cut = Math.min(cut, outlook.start());
        }
        var quoted = QUOTED_BLOCK.matcher(text);
        while (quoted.find()) {
            // a quoted block counts as history only when nothing but quotes and blank lines follow it (no inline
            // answers)
            String rest = text.substring(quoted.start());
            if (rest.lines()
                    .allMatch(l -> l.isBlank()
                            || l.startsWith(">")
                            || SIGNATURE.matcher(l).matches())) {
                cut = Math.min(cut, quoted.start());
                break;
            }
        }
        var signature = SIGNATURE.matcher(text);
        if (signature.find() && signature.start() < cut) {
            cut = signature.start();
        }
        String fresh = text.substring(0, cut).strip();
        if (fresh.isEmpty()) {
            return new Parts(text.strip(), "");
        }
        return new Parts(fresh, text.substring(cut).strip());
    }
}
