package org.firstline.knowledge;

import org.jspecify.annotations.Nullable;

/** A category as an agent names it; a lower position is listed first. */
public record CategoryForm(@Nullable String name, @Nullable Integer position) {}
