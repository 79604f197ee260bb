package org.firstline.ticket;

/** A file as uploaded, before it is an attachment. */
public record NewFile(String filename, byte[] content) {}
