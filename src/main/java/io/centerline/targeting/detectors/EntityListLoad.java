package io.centerline.targeting.detectors;

import java.util.List;

/** The outcome of loading a new version of the forced-labour entity list. */
public sealed interface EntityListLoad {

    /** The list was stored; the version as it now stands. */
    record Loaded(ForcedLabourList list) implements EntityListLoad {}

    /** The list was refused and nothing was stored, with every problem found. */
    record Refused(List<EntityListProblem> problems) implements EntityListLoad {}
}
