package org.firstline.statuspage;

/**
 * Someone asked for status page updates at this address: the mail asking them to confirm is to be sent, in the same
 * transaction. The link is the only copy of the token; it is kept hashed.
 */
public record SubscriptionRequested(String address, String pageName, String confirmUrl) {}
