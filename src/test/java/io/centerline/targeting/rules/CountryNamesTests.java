package io.centerline.targeting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CountryNamesTests {

    /** The sixty largest trading partners of the United States in goods, by total trade. */
    private static final List<String> LARGEST_TRADING_PARTNERS = List.of(
            "MX", "CA", "CN", "DE", "JP", "KR", "VN", "TW", "GB", "IN", "IE", "IT", "FR", "NL", "CH", "SG", "MY", "BR",
            "TH", "BE", "AU", "IL", "ES", "ID", "PH", "AT", "SE", "CO", "CL", "SA", "AE", "PL", "DK", "TR", "KH", "HK",
            "AR", "PE", "NO", "CR", "DO", "FI", "BD", "CZ", "HU", "GT", "HN", "EC", "NG", "ZA", "QA", "PT", "PK", "EG",
            "LK", "KZ", "LT", "RO", "SV", "SK");

    @Test
    void theReferenceFileNamesEachCountryOnceByItsIsoCode() {
        List<String> codes =
                CountryNames.read().stream().map(row -> row.get("code")).toList();

        assertThat(codes)
                .doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(Locale.getISOCountries()).contains(code));
    }

    @Test
    void theReferenceFileGivesTheLargestTradingPartnersANationalityWordOrAnotherName() {
        List<CSVRecord> rows = CountryNames.read();

        for (String code : LARGEST_TRADING_PARTNERS) {
            assertThat(rows)
                    .as(code)
                    .filteredOn(row -> row.get("code").equals(code))
                    .singleElement()
                    .satisfies(row -> assertThat(row.get("names").split(";")).hasSizeGreaterThan(1));
        }
    }

    @Test
    void aNameIsFoundAsTheTextWritesItWithinTheLongestNameAndAccentsAside() {
        assertThat(CountryNames.namedIn("Goods of the People's Republic of China, Chinese made.", "CN"))
                .containsExactly("People's Republic of China", "Chinese");
        assertThat(CountryNames.namedIn("Goods from Turkiye and T\u00FCrkiye.", "TR"))
                .containsExactly("Turkiye", "T\u00FCrkiye");
        assertThat(CountryNames.namedIn("Goods from Trinidad and Tobago.", "TT"))
                .containsExactly("Trinidad and Tobago");
        assertThat(CountryNames.namedIn("Goods from Chinatown, sent to us, not to the US.", "CN"))
                .isEmpty();
        assertThat(CountryNames.namedIn("Goods sent to us, not to the US.", "US"))
                .containsExactly("US");
        assertThat(CountryNames.namedIn("Goods from Xanadu.", "XX")).isEmpty();
    }

    @Test
    void aNameThatIsAlsoACommonWordIsTheNameOnlyWhenCapitalised() {
        assertThat(CountryNames.namedIn("Fine china tableware from CHINA and China.", "CN"))
                .containsExactly("CHINA", "China");
        assertThat(CountryNames.namedIn("Frozen turkey meat and dried chile peppers.", "TR"))
                .isEmpty();
        assertThat(CountryNames.namedIn("Dried chile peppers from Chile.", "CL"))
                .containsExactly("Chile");
    }
}
