/**
 * The risk model: a feature pipeline fitted on reviewed entry lines (with outcome histories taken only from the past),
 * gradient-boosted trees trained on it, a model card with time-ordered hold-out metrics, batch scoring and
 * explanations in words, and the registry of stored model versions of which exactly one is active.
 */
@org.springframework.modulith.NamedInterface("model")
package io.centerline.targeting.model;
