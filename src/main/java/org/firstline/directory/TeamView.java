package org.firstline.directory;

import java.util.List;

public record TeamView(long id, String name, String description, List<Long> memberIds) {}
