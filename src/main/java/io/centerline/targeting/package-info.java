/**
 * Targeting: which accepted entry summaries deserve a human look, and why. Targeters' CEL rules, statistical
 * detectors and a gradient-boosted risk model score every accepted summary; selection fills each Center's review
 * capacity with the riskiest candidates plus a random control sample; every score carries reasons in words; and
 * structured review outcomes flow back into rule effectiveness and the next model.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Targeting")
package io.centerline.targeting;
