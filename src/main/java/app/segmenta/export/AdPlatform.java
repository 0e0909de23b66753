package app.segmenta.export;

import java.util.Locale;

/**
 * The customer-list formats of the ad platforms, each with the column names its upload expects and the
 * normalisation its matching applies before SHA-256, so that our hashes equal the ones it computes for its users.
 * <ul>
 * <li>Google Ads Customer Match: headers {@code Email} and {@code Phone} ("Format your customer data file",
 * support.google.com/google-ads/answer/7659867). Emails: no whitespace, lowercase; for gmail.com and
 * googlemail.com the dots before the @ and a "+tag" are removed. Phones: E.164 with the + and the country code
 * ("Format user data", developers.google.com/data-manager/api/devguides/concepts/formatting).</li>
 * <li>Meta custom audience from a customer list: headers {@code email} and {@code phone} ("How to format a
 * customer list", facebook.com/business/help/2082575038703844). Emails: leading and trailing spaces trimmed,
 * lowercase. Phones: digits only, with the country code, no symbols, letters or leading zeros ("Customer
 * information parameters", developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters).</li>
 * </ul>
 */
public enum AdPlatform {

    GOOGLE("Email", "Phone") {
        @Override
        String email(String raw) {
            String e = wellFormed(raw.replaceAll("\\s+", "").toLowerCase(Locale.ROOT));
            if (e == null) {
                return null;
            }
            int at = e.indexOf('@');
            String local = e.substring(0, at);
            String domain = e.substring(at + 1);
            if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
                int plus = local.indexOf('+');
                local = (plus >= 0 ? local.substring(0, plus) : local).replace(".", "");
                return local.isEmpty() ? null : local + "@" + domain;
            }
            return e;
        }

        @Override
        String phone(String e164) {
            return e164;
        }
    },

    META("email", "phone") {
        @Override
        String email(String raw) {
            return wellFormed(raw.strip().toLowerCase(Locale.ROOT));
        }

        @Override
        String phone(String e164) {
            return e164.substring(1);
        }
    };

    private final String emailHeader;
    private final String phoneHeader;

    AdPlatform(String emailHeader, String phoneHeader) {
        this.emailHeader = emailHeader;
        this.phoneHeader = phoneHeader;
    }

    String emailHeader() {
        return emailHeader;
    }

    String phoneHeader() {
        return phoneHeader;
    }

    /** The address as this platform hashes it, or null when it is no address at all. */
    abstract String email(String raw);

    /** A number already in E.164 ({@code +16505551212}) as this platform hashes it. */
    abstract String phone(String e164);

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AdPlatform parse(String name) {
        for (AdPlatform p : values()) {
            if (p.key().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Ad-platform lists are for google or meta, not '" + name + "'.");
    }

    /** One @ with something on both sides, else null: anything else would match nobody. */
    private static String wellFormed(String email) {
        int at = email.indexOf('@');
        return at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1 ? email : null;
    }
}
