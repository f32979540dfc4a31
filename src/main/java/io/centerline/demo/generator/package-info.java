/**
 * A deterministic generator of realistic, valid U.S. entry summaries with planted illicit patterns, and writers for
 * the labels that say where the patterns are. Pure Java: the same settings always give byte-identical output.
 */
@org.springframework.modulith.NamedInterface("generator")
package io.centerline.demo.generator;
