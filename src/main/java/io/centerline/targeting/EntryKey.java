package io.centerline.targeting;

/** An entry summary version. */
public record EntryKey(String entryNumber, int version) {

    @Override
    public String toString() {
        return entryNumber + " v" + version;
    }
}
