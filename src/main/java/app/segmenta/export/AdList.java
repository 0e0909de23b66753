package app.segmenta.export;

import app.segmenta.catalog.CustomerAttribute;
import org.apache.commons.codec.digest.DigestUtils;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A customer list for an ad platform: each customer's email and phone normalised as the platform expects and
 * SHA-256 hashed (lowercase hex), so no contact data leaves in clear text. Customers with neither a usable email
 * nor a valid phone number are left out, and counted.
 *
 * @param rows    one per customer kept: hashed email, hashed phone ("" where one is missing)
 * @param leftOut customers without usable contact data
 */
record AdList(AdPlatform platform, List<List<String>> rows, int leftOut) {

    static AdList of(AdPlatform platform, PhoneNumbers phones, Collection<String> customerIds,
                     Map<String, Map<String, String>> attributes) {
        List<List<String>> rows = new ArrayList<>();
        int leftOut = 0;
        for (String id : customerIds) {
            Map<String, String> a = attributes.getOrDefault(id, Map.of());
            String email = a.get(CustomerAttribute.EMAIL.key()) == null ? null
                    : platform.email(a.get(CustomerAttribute.EMAIL.key()));
            String phone = a.get(CustomerAttribute.PHONE.key()) == null ? null
                    : phones.e164(a.get(CustomerAttribute.PHONE.key()), a.get(CustomerAttribute.COUNTRY.key()))
                    .map(platform::phone).orElse(null);
            if (email == null && phone == null) {
                leftOut++;
            } else {
                rows.add(List.of(hash(email), hash(phone)));
            }
        }
        return new AdList(platform, rows, leftOut);
    }

    List<String> header() {
        return List.of(platform.emailHeader(), platform.phoneHeader());
    }

    private static String hash(String value) {
        return value == null ? "" : DigestUtils.sha256Hex(value);
    }
}
