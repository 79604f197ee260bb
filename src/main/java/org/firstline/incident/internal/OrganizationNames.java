package org.firstline.incident.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.firstline.platform.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Public text never names an affected organization: one customer's trouble is not told to the others. */
final class OrganizationNames {
    private OrganizationNames() {}

    static void refuseNamed(JdbcClient jdbc, long incidentId, String field, String text) {
        List<String> names = jdbc.sql("""
                        select o.name from incident_organization x join organization o on o.id = x.organization_id
                        where x.incident_id = ? order by o.name""")
                .param(incidentId)
                .query((rs, n) -> rs.getString(1))
                .list();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String name : names) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (n.isEmpty()) continue;
            // whole words only, so an organization called "Web" does not refuse "website"
            if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}])")
                    .matcher(lower)
                    .find()) {
                throw new InvalidRequestException(
                        field,
                        "names the affected organization \"" + name
                                + "\": public text never names organizations; describe the effect instead");
            }
        }
    }
}
