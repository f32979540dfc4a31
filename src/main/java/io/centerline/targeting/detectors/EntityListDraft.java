package io.centerline.targeting.detectors;

import io.centerline.platform.Printable;
import io.centerline.platform.Shown;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A new version of the forced-labour entity list as an administrator loads it, before it is checked: the date it takes
 * effect from, a note, and the entities as written. A list is stored only when nothing is wrong with it; every problem
 * is reported at once, each entity's by its position in the list (from 1) and its field.
 *
 * @param effectiveFrom the first day the list is in force: the business date or later
 * @param note what the load is, e.g. "quarterly update"; optional
 * @param entities the entities in list order; an entity left empty ({@code null}) is refused with its position
 */
public record EntityListDraft(LocalDate effectiveFrom, String note, List<Entity> entities) {

    /** The longest name of an entity. */
    static final int MAX_NAME_LENGTH = 300;

    /** The longest sector of an entity. */
    static final int MAX_SECTOR_LENGTH = 100;

    /** The longest note, of the list or of an entity. */
    static final int MAX_NOTE_LENGTH = 1_000;

    /** The most entities a list holds: far more than the UFLPA Entity List and every Withhold Release Order. */
    static final int MAX_ENTITIES = 100_000;

    public EntityListDraft {
        entities = entities == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(entities));
    }

    /**
     * An entity as written in the load.
     *
     * @param country the ISO 3166 code of the entity's country, or blank when the list does not say
     */
    public record Entity(String name, String country, String sector, String note) {}

    /**
     * Every problem of the load, or none: the date (required, not before {@code today}), the note, the number of
     * entities, and each entity's name (required, printable, more than legal-form words), country (an ISO 3166 code of
     * the reference data, or blank), sector and note, and no entity named twice in the same country.
     *
     * @param isCountry whether a code is a country of the reference data
     * @param today the business date
     */
    public List<EntityListProblem> problems(Predicate<String> isCountry, LocalDate today) {
        List<EntityListProblem> problems = new ArrayList<>();
        if (effectiveFrom == null) {
            problems.add(EntityListProblem.of(
                    "effectiveFrom", "REQUIRED", "effectiveFrom: an entity list needs the date it takes effect"));
        } else if (effectiveFrom.isBefore(today)) {
            problems.add(EntityListProblem.of(
                    "effectiveFrom",
                    "EFFECTIVE_FROM_PAST",
                    "effectiveFrom: an entity list takes effect from today (" + today + ") or later, not "
                            + effectiveFrom));
        }
        text(null, "note", "The list's note", note, MAX_NOTE_LENGTH, problems);
        if (entities.isEmpty()) {
            problems.add(EntityListProblem.of(
                    "entities", "ENTITIES_REQUIRED", "entities: an entity list needs at least one entity"));
        } else if (entities.size() > MAX_ENTITIES) {
            problems.add(EntityListProblem.of(
                    "entities",
                    "TOO_MANY_ENTITIES",
                    "entities: an entity list holds at most " + MAX_ENTITIES + " entities, not " + entities.size()));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            int position = i + 1;
            Entity entity = entities.get(i);
            if (entity == null) {
                problems.add(new EntityListProblem(
                        position, "name", "REQUIRED", "Entity " + position + " is empty: it needs a name"));
                continue;
            }
            boolean named = name(position, entity.name(), problems);
            String who = "Entity " + position + (named ? " (" + entity.name().strip() + ")" : "");
            String country = country(entity.country());
            if (!country.isEmpty() && !isCountry.test(country)) {
                problems.add(new EntityListProblem(
                        position,
                        "country",
                        "COUNTRY_UNKNOWN",
                        who + ": '" + Shown.value(country)
                                + "' is not an ISO 3166 two-letter country code; leave the country"
                                + " empty when the list does not say"));
            }
            text(position, "sector", who + ": the sector", entity.sector(), MAX_SECTOR_LENGTH, problems);
            text(position, "note", who + ": the note", entity.note(), MAX_NOTE_LENGTH, problems);
            if (named) {
                Integer earlier = seen.putIfAbsent(Names.normalise(entity.name()) + "/" + country, position);
                if (earlier != null) {
                    problems.add(new EntityListProblem(
                            position,
                            "name",
                            "ENTITY_REPEATED",
                            who + " repeats entity " + earlier + ": the same name in "
                                    + (country.isEmpty() ? "no country" : country)));
                }
            }
        }
        return problems;
    }

    /** The entities as stored; only for a load without {@link #problems}. */
    List<ForcedLabourEntity> checkedEntities() {
        return entities.stream()
                .map(e -> new ForcedLabourEntity(e.name(), e.country(), e.sector(), e.note()))
                .toList();
    }

    /** Checks an entity's name; whether it is one that can be compared. */
    private static boolean name(int position, String name, List<EntityListProblem> problems) {
        String who = "Entity " + position;
        if (isBlank(name)) {
            problems.add(new EntityListProblem(position, "name", "REQUIRED", who + " needs a name"));
            return false;
        }
        int at = unprintableAt(name);
        if (at >= 0) {
            problems.add(new EntityListProblem(
                    position,
                    "name",
                    "UNPRINTABLE_CHARACTER",
                    who + ": character " + (at + 1) + " of the name is U+"
                            + String.format(Locale.ROOT, "%04X", (int) name.charAt(at))
                            + ", which cannot be shown in a name; remove it"));
            return false;
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            problems.add(new EntityListProblem(
                    position,
                    "name",
                    "TOO_LONG",
                    who + ": a name has at most " + MAX_NAME_LENGTH + " characters, not "
                            + name.strip().length()));
            return false;
        }
        if (Names.normalise(name).isEmpty()) {
            problems.add(new EntityListProblem(
                    position,
                    "name",
                    "NAME_WITHOUT_WORDS",
                    who + ": the name '" + name.strip()
                            + "' needs a word of letters or digits besides legal forms (Co, Ltd, ...)"));
            return false;
        }
        return true;
    }

    /** Checks an optional text: printable, and not longer than {@code max}. */
    private static void text(
            Integer position, String field, String what, String text, int max, List<EntityListProblem> problems) {
        if (text == null) {
            return;
        }
        int at = Printable.unprintableAt(text);
        if (at >= 0) {
            problems.add(new EntityListProblem(
                    position,
                    field,
                    "UNPRINTABLE_CHARACTER",
                    what + " holds U+" + String.format(Locale.ROOT, "%04X", (int) text.charAt(at)) + " at character "
                            + (at + 1) + ", which cannot be stored or shown; remove it"));
        } else if (text.strip().length() > max) {
            problems.add(new EntityListProblem(
                    position,
                    field,
                    "TOO_LONG",
                    what + " has at most " + max + " characters, not "
                            + text.strip().length()));
        }
    }

    /**
     * Where a name holds a character that is not printable on one line: any control character (tab and line breaks
     * included) or half of a surrogate pair; -1 when there is none.
     */
    private static int unprintableAt(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return i;
            }
        }
        return Printable.unprintableAt(name);
    }

    private static String country(String country) {
        return country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
