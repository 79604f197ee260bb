package org.firstline.triage;

import java.util.List;

/** The first rows of the desk and how many tickets wait in all. */
public record DeskPage(List<DeskRow> rows, int waiting, DeskSort sort) {}
