package org.firstline.sla;

/** Of the clocks decided in a period for one group: how many were met in time, and how many breached. */
public record ComplianceRow(String group, long met, long breached) {
    public double percentMet() {
        long all = met + breached;
        return all == 0 ? 100.0 : Math.round(1000.0 * met / all) / 10.0;
    }
}
