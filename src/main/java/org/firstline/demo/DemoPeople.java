package org.firstline.demo;

import java.util.List;
import org.firstline.directory.AgentView;
import org.firstline.directory.ContactView;
import org.firstline.directory.OrganizationView;
import org.firstline.directory.TeamView;

/** Who the demo tickets are from and for. */
record DemoPeople(
        List<OrganizationView> organizations,
        List<ContactView> contacts,
        List<AgentView> agents,
        List<TeamView> teams) {}
