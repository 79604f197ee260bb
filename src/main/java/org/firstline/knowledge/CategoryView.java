package org.firstline.knowledge;

/** A category and how many articles in it the reader may see (public ones for customers). */
public record CategoryView(long id, String name, int position, int articles) {}
