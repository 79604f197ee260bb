package org.firstline.ticket;

/** A named ticket filter: shared with everyone when {@code ownerId} is null, else personal. */
public record SavedView(long id, String name, Long ownerId, String query) {

    public boolean shared() {
        return ownerId == null;
    }
}
