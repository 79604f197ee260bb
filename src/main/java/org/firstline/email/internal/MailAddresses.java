package org.firstline.email.internal;

import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Addresses from header values as mailers write them: display names in encoded words, comments, broken lists. */
final class MailAddresses {
    private static final Pattern ADDRESS =
            Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$|^[^@\\s<>\"]+@[^@\\s<>\".]+$");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"(),;:@]+@[^\\s<>\"(),;:@]+\\.[a-zA-Z]{2,}");
    private static final int MAX_LENGTH = 320;
    private static final int MAX_LIST = 50;

    private MailAddresses() {}

    /**
     * The first usable address with its decoded display name; when the list cannot be parsed, the first thing shaped
     * like an address outside comments. Null when there is none.
     */
    static @Nullable InternetAddress first(String value) {
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                String email = address.getAddress();
                if (email != null && ADDRESS.matcher(email.strip()).matches() && email.length() <= MAX_LENGTH) {
                    return new InternetAddress(email.strip(), HeaderReader.decode(address.getPersonal()), "UTF-8");
                }
            }
        } catch (Exception e) {
            // unreadable address list: look for anything shaped like an address below
        }
        String withoutComments = value;
        for (int i = 0; i < 5; i++) {
            withoutComments = withoutComments.replaceAll("\\([^()]*\\)", "");
        }
        Matcher bare = BARE_ADDRESS.matcher(withoutComments);
        if (bare.find()) {
            try {
                return new InternetAddress(bare.group(), null, "UTF-8");
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    /** Every usable address of a list, lower case, once each, at most fifty; none when the list cannot be parsed. */
    static List<String> all(String value) {
        List<String> addresses = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                if (address.getAddress() != null
                        && ADDRESS.matcher(address.getAddress()).matches()) {
                    addresses.add(address.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        } catch (Exception e) {
            // an unreadable list is not worth refusing the message for
        }
        return addresses.stream().distinct().limit(MAX_LIST).toList();
    }
}
