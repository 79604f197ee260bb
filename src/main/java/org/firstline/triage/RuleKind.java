package org.firstline.triage;

/** How an ownership rule's term meets a ticket's text. */
public enum RuleKind {
    /** One word, compared after the same trimming as the ticket's words ("certificates" meets "certificate"). */
    KEYWORD,
    /** Words in this order, punctuation between them ignored. */
    PHRASE,
    /** A regular expression, case-insensitive, over the raw subject and first message. */
    PATTERN
}
