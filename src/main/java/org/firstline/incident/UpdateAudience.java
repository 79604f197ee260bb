package org.firstline.incident;

import java.util.List;

/**
 * Who hears an incident's public updates besides the requesters of its linked tickets: the status page's confirmed
 * subscribers. A module that keeps such people implements it; a subscriber who is also a requester hears each update
 * once.
 */
public interface UpdateAudience {
    List<Subscriber> subscribers();

    /** A confirmed address and the one-click link that ends the subscription. */
    record Subscriber(String address, String unsubscribeUrl) {}
}
