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
        String words = words(text);
        String joined = words.replace(" ", "");
        for (String name : names) {
            String n = words(name).strip();
            if (n.isEmpty()) continue;
            // whole words only, so an organization called "Web" does not refuse "website"; any spacing or punctuation
            // between a name's words counts as a space, and a name of several words is also caught run together
            boolean named = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}])")
                            .matcher(words)
                            .find()
                    || (n.contains(" ") && joined.contains(n.replace(" ", "")));
            if (named) {
                throw new InvalidRequestException(
                        field,
                        "names the affected organization \"" + name
                                + "\": public text never names organizations; describe the effect instead");
            }
        }
    }

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static String words(String text) {
        return SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }
}
