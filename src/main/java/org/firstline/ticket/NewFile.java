package org.firstline.ticket;

import org.jspecify.annotations.Nullable;

/** A file as uploaded, before it is an attachment. */
public record NewFile(@Nullable String filename, byte[] content) {}
