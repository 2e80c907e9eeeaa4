package baedal.flags;

/** What a flag's state may hold besides its switch. */
public enum FlagType {
    /** A plain switch: on or off for everyone; off is its kill switch. */
    ON_OFF,
    /** A switch that, when on, may be narrowed to a sticky share of targeting keys and to attribute rules. */
    ROLLOUT
}
