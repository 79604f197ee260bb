/**
 * The customer portal: contacts sign in with a link mailed to them and see their own tickets and, as representatives,
 * their organizations'; they reply, file, confirm resolutions, approve held requests and read their organization's
 * figures. Customers have their own door (security chain, cookie and session table), apart from the agents', and
 * every query of theirs goes through one scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer portal")
package org.firstline.portal;
