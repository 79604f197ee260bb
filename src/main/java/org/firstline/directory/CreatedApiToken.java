package org.firstline.directory;

/** A new token with its secret, returned once. */
public record CreatedApiToken(ApiTokenView token, String secret) {}
