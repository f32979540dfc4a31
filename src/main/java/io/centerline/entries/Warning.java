package io.centerline.entries;

/** Something a filer should know about an accepted summary (a fee that differs from the computed one, ...). */
public record Warning(Integer line, String code, String message) {}
