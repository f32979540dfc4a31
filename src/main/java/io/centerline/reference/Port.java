package io.centerline.reference;

/** A U.S. port of entry with its 4-digit code (district and port, {@code DDPP}). */
public record Port(String code, String name, String state, String kind) {}
