package org.firstline.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.ContactForm;
import org.firstline.directory.ContactForm.Membership;
import org.firstline.directory.ContactService;
import org.firstline.directory.ContactView;
import org.firstline.directory.OrganizationForm;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.platform.AgentRole;
import org.firstline.ticket.LabelService;
import org.springframework.stereotype.Component;

/** The demo's plans, organizations, services, contacts, agents, teams and labels, made through the directory's API. */
@Component
class DemoDirectory {
    private final OrganizationService organizations;
    private final ContactService contacts;
    private final AgentService agents;
    private final TeamService teams;
    private final LabelService labels;

    DemoDirectory(
            OrganizationService organizations,
            ContactService contacts,
            AgentService agents,
            TeamService teams,
            LabelService labels) {
        this.organizations = organizations;
        this.contacts = contacts;
        this.agents = agents;
        this.teams = teams;
        this.labels = labels;
    }

    DemoPeople create() {
        var community = organizations.createPlan(
                "Community", "Hubs for research and education communities", 10, "MONTH", false);
        var standard = organizations.createPlan("Standard", "In-hours support, 10:00-18:00", 20, "MONTH", false);
        var premium = organizations.createPlan(
                "Premium 24/7", "In-hours support and on call for emergencies", 40, "MONTH", true);

        List<AgentView> staff = new ArrayList<>();
        staff.add(agent("maya", "Maya Okafor", AgentRole.AGENT, "Europe/London", "kubernetes, dns"));
        staff.add(agent("tom", "Tom Lindqvist", AgentRole.AGENT, "Europe/Stockholm", "postgresql, performance"));
        staff.add(agent("priya", "Priya Raman", AgentRole.AGENT, "Asia/Kolkata", "authentication, oauth"));
        staff.add(agent("sam", "Sam Carter", AgentRole.AGENT, "America/New_York", "documentation, onboarding"));
        staff.add(agent("lena", "Lena Fischer", AgentRole.ACCOUNT_MANAGER, "Europe/Berlin", "billing"));
        staff.add(agent("jon", "Jon Baptiste", AgentRole.READ_ONLY, "Australia/Sydney", ""));

        // the admin who tries the demo is on a team too, so "assign to me" on the desk has a team to give the ticket
        var opsMembers = new ArrayList<>(List.of(staff.get(0).id(), staff.get(1).id()));
        agents.principal("admin").ifPresent(admin -> opsMembers.add(admin.id()));
        var ops = teams.create(new TeamForm("Operations", "Hubs, clusters, DNS, storage, outages", opsMembers));
        var platform = teams.create(new TeamForm(
                "Platform",
                "Sign-in, accounts, API, performance",
                List.of(staff.get(1).id(), staff.get(2).id())));
        var docs = teams.create(new TeamForm(
                "Docs & Onboarding",
                "Guides, workshops, new communities",
                List.of(staff.get(3).id(), staff.get(4).id())));

        var hubbard = organizations.create(new OrganizationForm(
                "Hubbard University",
                community.id(),
                List.of("hubbard.edu"),
                true,
                staff.get(4).id(),
                "Research hubs for three departments."));
        var northwind = organizations.create(new OrganizationForm(
                "Northwind Health",
                premium.id(),
                List.of("northwind-health.org"),
                false,
                staff.get(4).id(),
                "Patient portal and intranet. 24/7 on call."));
        var acme = organizations.create(
                new OrganizationForm("Acme Deploy", standard.id(), List.of("acme.io"), false, null, ""));
        organizations.addService(hubbard.id(), "Physics hub", List.of("jupyterhub", "home directories", "GPU nodes"));
        organizations.addService(hubbard.id(), "Biology hub", List.of("jupyterhub", "shared datasets"));
        organizations.addService(northwind.id(), "Patient portal", List.of("web", "sign-in", "database"));
        organizations.addService(northwind.id(), "Intranet", List.of("wordpress"));
        organizations.addService(acme.id(), "Deploy server", List.of("api", "workers", "dashboard"));

        List<ContactView> people = new ArrayList<>();
        people.add(contact("Dr. Ada Quinn", List.of("ada.quinn@hubbard.edu"), new Membership(hubbard.id(), true)));
        people.add(contact(
                "Rafael Mendes",
                List.of("rafael@hubbard.edu", "rmendes@gmail.com"),
                new Membership(hubbard.id(), true)));
        people.add(contact("Student Helpdesk", List.of("helpdesk@hubbard.edu"), new Membership(hubbard.id(), false)));
        people.add(contact("Grace Ho", List.of("grace.ho@hubbard.edu"), new Membership(hubbard.id(), false)));
        people.add(contact(
                "Oliver Brandt", List.of("oliver.brandt@northwind-health.org"), new Membership(northwind.id(), true)));
        people.add(
                contact("Nadia Petrova", List.of("nadia@northwind-health.org"), new Membership(northwind.id(), false)));
        people.add(contact(
                "Kwame Mensah",
                List.of("kwame@northwind-health.org", "kwame.mensah@acme.io"),
                new Membership(northwind.id(), false),
                new Membership(acme.id(), true)));
        people.add(contact("Chloe Martin", List.of("chloe@acme.io"), new Membership(acme.id(), true)));
        people.add(contact("Diego Alvarez", List.of("diego@acme.io"), new Membership(acme.id(), false)));
        people.add(contact(
                "Hannah Schulz",
                List.of("hannah@acme.io"),
                new Membership(acme.id(), false),
                new Membership(hubbard.id(), false)));
        people.add(contact("Yuki Tanaka", List.of("yuki.tanaka@example.com")));
        people.add(contact("Ben Adeyemi", List.of("ben@northwind-health.org"), new Membership(northwind.id(), false)));

        for (String label :
                List.of("dns", "authentication", "storage", "billing", "upgrade", "performance", "gpu", "workshop")) {
            labels.create(label, null);
        }
        return new DemoPeople(List.of(hubbard, northwind, acme), people, staff, List.of(ops, platform, docs));
    }

    private AgentView agent(String username, String name, AgentRole role, String zone, String skills) {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String signature = name + "\nFirstline Support";
        return agents.create(new AgentForm(
                username,
                name,
                username + "@support.example",
                role,
                zone,
                signature,
                30,
                Base64.getEncoder().encodeToString(secret),
                true,
                skills.isBlank() ? List.of() : List.of(skills.split(",\\s*"))));
    }

    private ContactView contact(String name, List<String> emails, Membership... memberships) {
        return contacts.create(new ContactForm(name, emails, List.of(memberships)));
    }
}
