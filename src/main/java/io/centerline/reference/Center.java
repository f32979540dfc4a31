package io.centerline.reference;

/** One of the ten Centers of Excellence and Expertise. */
public record Center(CenterCode code, String number, String name, String managementOffice) {}
