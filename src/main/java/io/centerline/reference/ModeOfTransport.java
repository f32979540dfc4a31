package io.centerline.reference;

/** A mode-of-transport code; vessel modes bear the harbor maintenance fee. */
public record ModeOfTransport(String code, String name, boolean vessel) {}
