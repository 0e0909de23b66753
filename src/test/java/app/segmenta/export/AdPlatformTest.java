package app.segmenta.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The platforms' own normalisation examples (see AdPlatform for where they are documented). */
class AdPlatformTest {

    @Test
    void googleDropsGmailDotsAndTagsOnlyForGoogleDomains() {
        assertThat(AdPlatform.GOOGLE.email(" Cloudy.SanFrancisco+shopping@GMAIL.com ")).isEqualTo("cloudysanfrancisco@gmail.com");
        assertThat(AdPlatform.GOOGLE.email("cloudy.sf@googlemail.com")).isEqualTo("cloudysf@googlemail.com");
        assertThat(AdPlatform.GOOGLE.email("user.name+NYC@Example.com")).isEqualTo("user.name+nyc@example.com");
        assertThat(AdPlatform.GOOGLE.email("jane doe@example.com")).isEqualTo("janedoe@example.com");
        assertThat(AdPlatform.GOOGLE.phone("+18005550100")).isEqualTo("+18005550100");
    }

    @Test
    void metaOnlyTrimsAndLowercasesAndDropsThePlus() {
        assertThat(AdPlatform.META.email("  John_Smith@gmail.com ")).isEqualTo("john_smith@gmail.com");
        assertThat(AdPlatform.META.email("Cloudy.SF+x@gmail.com")).isEqualTo("cloudy.sf+x@gmail.com");
        assertThat(AdPlatform.META.phone("+16505551212")).isEqualTo("16505551212");
    }

    @Test
    void whatIsNoAddressMatchesNobody() {
        for (AdPlatform p : AdPlatform.values()) {
            assertThat(p.email("not-an-email")).isNull();
            assertThat(p.email("a@b@c.com")).isNull();
            assertThat(p.email("@example.com")).isNull();
            assertThat(p.email("someone@")).isNull();
        }
        assertThat(AdPlatform.GOOGLE.email("+tag@gmail.com")).isNull();
    }

    @Test
    void phonesAreValidNumbersInTheCustomersCountryOrTheDefaultRegion() {
        PhoneNumbers phones = new PhoneNumbers("US");
        assertThat(phones.e164("(650) 555-1212", null)).contains("+16505551212");
        assertThat(phones.e164("07400 123456", "gb")).contains("+447400123456");
        assertThat(phones.e164("0044 20 7183 8750", "GB")).contains("+442071838750");
        assertThat(phones.e164("+39 06 6982 0000", "United States")).as("a number with its country code").contains("+390669820000");
        assertThat(phones.e164("555-0100", "US")).as("too short to dial from abroad").isEmpty();
        assertThat(phones.e164("call me", null)).isEmpty();
    }
}
