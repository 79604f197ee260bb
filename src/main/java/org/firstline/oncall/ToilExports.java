package org.firstline.oncall;

import java.util.List;
import org.firstline.integration.OutboundCalls;
import org.firstline.platform.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Claims out of Firstline: a CSV per person and period, and each approved claim posted to the HR system's webhook. */
@Service
public class ToilExports {
    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final OutboundCalls calls;

    ToilExports(JdbcClient jdbc, SecretCipher cipher, OutboundCalls calls) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.calls = calls;
    }

    /** Whether approved claims go to an HR system; its address is a secret and never shown back. */
    public boolean hrWebhookSet() {
        return jdbc.sql("select exists (select 1 from toil_settings where hr_webhook_url is not null)")
                .query(Boolean.class)
                .single();
    }

    /** Sets (or with null/blank clears) the HR system's webhook. */
    @Transactional
    public void setHrWebhook(@Nullable String url) {
        String sealed = null;
        if (url != null && !url.isBlank()) {
            if (url.length() > 2000)
                throw new org.firstline.platform.InvalidRequestException(
                        "hrWebhookUrl", "must be at most 2000 characters");
            calls.checkUrl("hrWebhookUrl", url.strip());
            sealed = cipher.encrypt(url.strip());
        }
        jdbc.sql(
                        "insert into toil_settings (id, hr_webhook_url) values (1, ?) on conflict (id) do update set hr_webhook_url = excluded.hr_webhook_url")
                .param(sealed)
                .update();
    }

    public static String csv(List<ToilClaimView> claims) {
        var out = new StringBuilder(
                "claim,agent_id,agent,episode_start,pages,woke,minutes_worked,out_of_hours_minutes,days,status,decided_at\r\n");
        for (var c : claims) {
            out.append(c.id())
                    .append(',')
                    .append(c.agentId())
                    .append(',')
                    .append(cell(c.agentName()))
                    .append(',')
                    .append(c.episodeStart())
                    .append(',')
                    .append(c.pages())
                    .append(',')
                    .append(c.woke())
                    .append(',')
                    .append(c.minutesWorked())
                    .append(',')
                    .append(c.outOfHoursMinutes())
                    .append(',')
                    .append(c.days().toPlainString())
                    .append(',')
                    .append(c.status())
                    .append(',')
                    .append(c.decidedAt() == null ? "" : c.decidedAt().toString())
                    .append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting, and a leading apostrophe for cells a spreadsheet would run as a formula. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }
}
