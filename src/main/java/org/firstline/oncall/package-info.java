/**
 * On call: alerts in, escalation policies that page people and go on to the next level when nobody acknowledges,
 * and the time off in lieu that out-of-hours pages earn.
 */
@org.springframework.modulith.ApplicationModule(displayName = "On call")
package org.firstline.oncall;
