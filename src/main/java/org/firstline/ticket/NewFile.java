package org.firstline.ticket;

import org.jspecify.annotations.Nullable;

/** A file as uploaded, before it is an attachment. */
@SuppressWarnings("ArrayRecordComponent") // file contents are passed along, never compared
public record NewFile(@Nullable String filename, byte[] content) {}
