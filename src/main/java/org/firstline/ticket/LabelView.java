package org.firstline.ticket;

public record LabelView(long id, String name, String color) {}
