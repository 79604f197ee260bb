package org.firstline.rota;

import java.util.List;

/** What a change did, with warnings to show (less notice than the rotation asks, clashes) but not to refuse. */
public record Notice<T>(T result, List<String> warnings) {}
