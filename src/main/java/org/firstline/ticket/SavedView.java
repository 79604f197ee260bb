package org.firstline.ticket;

import org.jspecify.annotations.Nullable;

/** A named ticket filter: shared with everyone when {@code ownerId} is null, else personal. */
public record SavedView(long id, String name, @Nullable Long ownerId, String query) {

    public boolean shared() {
        return ownerId == null;
    }
}
