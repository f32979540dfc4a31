package io.centerline.demo.generator;

/**
 * An illicit pattern planted in one generated entry summary: the line that carries it ({@code null} when the whole
 * entry does), its type, and a plain-English account of what was planted.
 */
public record PlantedPattern(Integer lineNumber, IllicitPattern type, String detail) {

    public PlantedPattern {
        if (type == null) {
            throw new IllegalArgumentException("A planted pattern needs a type");
        }
    }
}
