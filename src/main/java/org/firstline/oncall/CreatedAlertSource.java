package org.firstline.oncall;

/** A source with its new token, returned once (at creation and when the token is rotated). */
public record CreatedAlertSource(AlertSourceView source, String token) {}
