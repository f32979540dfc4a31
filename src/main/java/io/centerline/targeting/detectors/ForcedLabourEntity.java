package io.centerline.targeting.detectors;

/**
 * An entity on a forced-labour entity list (the UFLPA Entity List or a Withhold Release Order): goods it made or sold
 * are presumed made with forced labour.
 *
 * @param country the ISO code of the entity's country, or blank when the list does not say
 * @param sector the high-risk sector it works in (cotton, polysilicon, tomatoes, ...), or blank
 */
public record ForcedLabourEntity(String name, String country, String sector, String note) {

    public ForcedLabourEntity {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A listed entity needs a name");
        }
        if (Names.normalise(name).isEmpty()) {
            throw new IllegalArgumentException("A listed entity needs a name of more than legal-form words: " + name);
        }
        name = name.strip();
        country = country == null ? "" : country.strip().toUpperCase(java.util.Locale.ROOT);
        if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("Listed entity " + name + " needs a 2-letter country, not " + country);
        }
        sector = sector == null ? "" : sector.strip();
        note = note == null ? "" : note.strip();
    }
}
