package app.segmenta.export;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;
import java.util.Optional;

/** Phone numbers as written in a store's data, brought to E.164 by libphonenumber. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** @param defaultRegion where a number without a country code is, when the customer's country does not say */
    PhoneNumbers(String defaultRegion) {
        this.defaultRegion = region(defaultRegion).orElseThrow(() -> new IllegalArgumentException(
                "segmenta.export.default-region must be a two-letter region code such as US or GB, not '"
                        + defaultRegion + "'."));
    }

    /**
     * {@code +16505551212} for "(650) 555-1212" in the US; empty for text that is no valid number there (a number
     * a platform cannot match is left out rather than guessed at).
     *
     * @param country the customer's country attribute; used when it is a two-letter region code
     */
    Optional<String> e164(String raw, String country) {
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(raw, region(country).orElse(defaultRegion));
            return UTIL.isValidNumber(n) ? Optional.of(UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> region(String code) {
        String r = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return UTIL.getSupportedRegions().contains(r) ? Optional.of(r) : Optional.empty();
    }
}
