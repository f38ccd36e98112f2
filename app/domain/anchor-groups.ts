/** The kinds of anchor group a facility can be tied to (data/anchor_groups.csv). */
export const ANCHOR_GROUP_TYPES = ["business_group", "public_enterprise", "university"] as const;

export type AnchorGroupType = (typeof ANCHOR_GROUP_TYPES)[number];
