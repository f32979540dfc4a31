package io.centerline.targeting.detectors;

/**
 * Why a load of the forced-labour entity list was refused, or part of it: the entity's position in the list (from 1;
 * absent for the list as a whole), the field at fault, a stable code, and a message saying what to change.
 */
public record EntityListProblem(Integer entity, String field, String code, String message) {

    /** A problem of the list as a whole. */
    static EntityListProblem of(String field, String code, String message) {
        return new EntityListProblem(null, field, code, message);
    }
}
