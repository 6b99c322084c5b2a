package org.rongtong.events;

/** How much an enterprise wants to cooperate in one field. A field left out of the map means {@link #NONE}. */
public enum Willingness {
    /** Actively seeking cooperation in this field. */
    STRONG,
    /** Open to it when the fit is good. */
    OPEN,
    /** Not interested. */
    NONE
}
