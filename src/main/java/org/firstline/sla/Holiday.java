package org.firstline.sla;

import java.time.LocalDate;

public record Holiday(LocalDate day, String name) {}
