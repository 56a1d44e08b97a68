/** The one seed of the property suite: failures reproduce run after run. */
export const PROPERTY_SEED = 20261125;
