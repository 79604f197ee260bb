package org.firstline.directory;

import java.util.List;

/** Something an organization runs that support covers: a hub, a site, a product, with its components. */
public record ServiceView(long id, long organizationId, String name, List<String> components) {}
