/**
 * Who Firstline serves and who works in it: support plans, organizations with their services, contacts (several
 * addresses, several organizations, representatives), agents, teams, skills and API tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.firstline.directory;
