package org.firstline.rota.web;

import org.firstline.directory.AgentService;
import org.firstline.directory.TeamService;
import org.firstline.sla.CalendarService;
import org.springframework.stereotype.Component;

/** The teams, calendars and agents the rota pages offer to choose from. */
@Component
record RotaLookups(TeamService teams, CalendarService calendars, AgentService agents) {}
