/** Code names per table; a translation has every table and code of the Korean one. */
export type LabelTables = Readonly<Record<string, Readonly<Record<string | number, string>>>>;
export type LabelsTranslation<Korean extends LabelTables> = {
  readonly [Table in keyof Korean]: { readonly [Code in keyof Korean[Table]]: string };
};
