package org.firstline.ticket;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a ticket list; {@code nextCursor} is null on the last page. */
public record TicketPage(List<TicketView> items, @Nullable String nextCursor) {}
