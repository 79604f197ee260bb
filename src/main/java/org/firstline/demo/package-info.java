/**
 * Demo data for a first look: organizations on plans, contacts, agents in teams and about 200 tickets with
 * history. Loaded once, on first start, with the embedded database only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.firstline.demo;
