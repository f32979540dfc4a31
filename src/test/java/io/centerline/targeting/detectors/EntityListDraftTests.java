package io.centerline.targeting.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityListDraftTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static final Set<String> COUNTRIES = Set.of("CN", "VN", "MY");

    private static EntityListDraft.Entity entity(String name, String country) {
        return new EntityListDraft.Entity(name, country, "cotton", "fictional");
    }

    private static List<EntityListProblem> problems(LocalDate from, EntityListDraft.Entity... entities) {
        return new EntityListDraft(from, "quarterly update", Arrays.asList(entities))
                .problems(COUNTRIES::contains, TODAY);
    }

    @Test
    void aListOfNamedEntitiesInKnownCountriesFromTodayHasNoProblem() {
        assertThat(problems(
                        TODAY,
                        entity("Aksu Sample Textiles, Ltd", "CN"),
                        entity("Hanoi Placeholder Garments Co", " vn "),
                        entity("Unplaced Example Trading Co", "")))
                .isEmpty();
    }

    @Test
    void aListTakesEffectFromTheBusinessDateOrLaterNeverFromAPastDate() {
        assertThat(problems(TODAY.minusDays(1), entity("Aksu Sample Textiles", "CN")))
                .extracting(EntityListProblem::field, EntityListProblem::code, EntityListProblem::message)
                .containsExactly(tuple(
                        "effectiveFrom",
                        "EFFECTIVE_FROM_PAST",
                        "effectiveFrom: an entity list takes effect from today (2026-06-30) or later, not 2026-06-29"));
        assertThat(problems(TODAY.plusDays(1), entity("Aksu Sample Textiles", "CN")))
                .isEmpty();
        assertThat(problems(null, entity("Aksu Sample Textiles", "CN")))
                .extracting(EntityListProblem::code)
                .containsExactly("REQUIRED");
    }

    @Test
    void aListedEntitysCountryIsAnIsoCountryOfTheReferenceData() {
        assertThat(problems(TODAY, entity("Aksu Sample Textiles", "CN"), entity("Foo Bar Co", "XX")))
                .extracting(
                        EntityListProblem::entity,
                        EntityListProblem::field,
                        EntityListProblem::code,
                        EntityListProblem::message)
                .containsExactly(tuple(
                        2,
                        "country",
                        "COUNTRY_UNKNOWN",
                        "Entity 2 (Foo Bar Co): 'XX' is not an ISO 3166 two-letter country code; leave the country"
                                + " empty when the list does not say"));
        assertThat(problems(TODAY, entity("Foo Bar Co", "China")))
                .extracting(EntityListProblem::code)
                .containsExactly("COUNTRY_UNKNOWN");
    }

    @Test
    void everyProblemOfAListIsReportedAtOnceWithTheEntitysPositionAndField() {
        assertThat(problems(
                        TODAY.minusMonths(1),
                        entity("Foo Bar Co", "XX"),
                        entity(" ", "CN"),
                        entity("Good Example Co", "CN"),
                        new EntityListDraft.Entity("Bell\u0007 Co", "ZZ", "cotton\u0000", "fine")))
                .extracting(EntityListProblem::entity, EntityListProblem::field, EntityListProblem::code)
                .containsExactly(
                        tuple(null, "effectiveFrom", "EFFECTIVE_FROM_PAST"),
                        tuple(1, "country", "COUNTRY_UNKNOWN"),
                        tuple(2, "name", "REQUIRED"),
                        tuple(4, "name", "UNPRINTABLE_CHARACTER"),
                        tuple(4, "country", "COUNTRY_UNKNOWN"),
                        tuple(4, "sector", "UNPRINTABLE_CHARACTER"));
    }

    @Test
    void aListedEntityHasAPrintableNameOfOneLineWithMoreThanLegalFormWords() {
        assertThat(problems(
                        TODAY, entity("Co., Ltd.", "CN"), entity("Two\nLines Co", "CN"), entity("x".repeat(301), "CN")))
                .extracting(EntityListProblem::entity, EntityListProblem::code, EntityListProblem::message)
                .containsExactly(
                        tuple(
                                1,
                                "NAME_WITHOUT_WORDS",
                                "Entity 1: the name 'Co., Ltd.' needs a word of letters or digits besides legal forms"
                                        + " (Co, Ltd, ...)"),
                        tuple(
                                2,
                                "UNPRINTABLE_CHARACTER",
                                "Entity 2: character 4 of the name is U+000A, which cannot be shown in a name; remove"
                                        + " it"),
                        tuple(3, "TOO_LONG", "Entity 3: a name has at most 300 characters, not 301"));
    }

    @Test
    void aListedEntitysSectorAndNoteArePrintableAndBounded() {
        assertThat(problems(
                        TODAY,
                        new EntityListDraft.Entity("Aksu Sample Textiles", "CN", "c".repeat(101), "n".repeat(1001))))
                .extracting(EntityListProblem::field, EntityListProblem::code)
                .containsExactly(tuple("sector", "TOO_LONG"), tuple("note", "TOO_LONG"));
        assertThat(new EntityListDraft(TODAY, "note\u0001", List.of(entity("Aksu Sample Textiles", "CN")))
                        .problems(COUNTRIES::contains, TODAY))
                .extracting(EntityListProblem::entity, EntityListProblem::field, EntityListProblem::code)
                .containsExactly(tuple(null, "note", "UNPRINTABLE_CHARACTER"));
    }

    @Test
    void anEntityIsListedOnceInACountry() {
        assertThat(problems(
                        TODAY,
                        entity("Aksu Sample Textiles Ltd", "CN"),
                        entity("Aksu Sample Textiles Ltd", "VN"),
                        entity("AKSU SAMPLE TEXTILES CO", "cn")))
                .extracting(EntityListProblem::entity, EntityListProblem::code, EntityListProblem::message)
                .containsExactly(tuple(
                        3,
                        "ENTITY_REPEATED",
                        "Entity 3 (AKSU SAMPLE TEXTILES CO) repeats entity 1: the same name in CN"));
    }

    @Test
    void aListHasAtLeastOneEntity() {
        assertThat(problems(TODAY))
                .extracting(EntityListProblem::field, EntityListProblem::code)
                .containsExactly(tuple("entities", "ENTITIES_REQUIRED"));
        assertThat(problems(TODAY, (EntityListDraft.Entity) null))
                .extracting(EntityListProblem::entity, EntityListProblem::field, EntityListProblem::code)
                .containsExactly(tuple(1, "name", "REQUIRED"));
    }
}
