package org.firstline.sla;

/** A policy or calendar changed: every running clock is worked out again once the change commits. */
public record SlaSettingsChanged(String what) {}
