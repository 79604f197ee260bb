package org.firstline.sla;

/** What a policy promises: a first sign of life, a first real answer, each later answer, and the fix. */
public enum SlaTarget {
    ACKNOWLEDGEMENT,
    FIRST_RESPONSE,
    NEXT_RESPONSE,
    RESOLUTION;

    public String label() {
        return switch (this) {
            case ACKNOWLEDGEMENT -> "Acknowledgement";
            case FIRST_RESPONSE -> "First response";
            case NEXT_RESPONSE -> "Next response";
            case RESOLUTION -> "Resolution";
        };
    }
}
