package io.centerline.targeting.rules;

import java.util.OptionalLong;

/** Where a rule version's suspension is recorded the moment evaluation suspends it. */
@FunctionalInterface
interface SuspensionLog {

    /** Records nothing: the suspension holds in the running process alone. */
    SuspensionLog NONE = (rule, cause, stops) -> OptionalLong.empty();

    /**
     * Records that evaluation suspended a rule version; answers the recorded suspension's id, or nothing when it could
     * not be recorded (the version stays suspended in this process all the same).
     */
    OptionalLong suspended(Rule rule, String cause, long stops);
}
