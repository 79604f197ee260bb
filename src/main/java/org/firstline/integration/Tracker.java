package org.firstline.integration;

/** Engineering's issue trackers: the public one (GitHub) and the internal one (Shortcut). */
public enum Tracker { GITHUB, SHORTCUT }
