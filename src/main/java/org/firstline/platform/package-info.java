/**
 * Infrastructure every module stands on: the embedded database, security, the clock, API error handling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.firstline.platform;
