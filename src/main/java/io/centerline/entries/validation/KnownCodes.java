package io.centerline.entries.validation;

import io.centerline.reference.EntryType;
import java.util.Optional;

/** The code lists validation checks against: ports, countries, entry types and modes of transport. */
public interface KnownCodes {

    boolean isPort(String code);

    boolean isCountry(String code);

    Optional<EntryType> entryType(String code);

    boolean isModeOfTransport(String code);
}
