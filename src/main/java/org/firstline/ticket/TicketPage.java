package org.firstline.ticket;

import java.util.List;

/** One page of a ticket list; {@code nextCursor} is null on the last page. */
public record TicketPage(List<TicketView> items, String nextCursor) {}
