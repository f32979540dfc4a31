package io.centerline.targeting.model;

import io.centerline.targeting.Declaration;

/** An entry line with what its review found: {@code finding} is true when the outcome was anything but no change. */
public record LabelledDeclaration(Declaration declaration, boolean finding) {

    public LabelledDeclaration {
        if (declaration == null) {
            throw new IllegalArgumentException("A labelled line needs its declaration");
        }
    }
}
