/** A KSIC division as the industry pickers offer it (the /match form, the council listing form). */
export interface IndustryChoice {
  code: string;
  nameKo: string;
  nameEn: string;
  /** KSIC class words that point to the division (염색 for 13), matched as well as its name. */
  words: string;
}

/** Whether a division answers what was typed: its code's start, its name in either language, or a word of its classes (염색 → 13). */
export function matchesIndustry(choice: IndustryChoice, typed: string): boolean {
  const text = typed.trim();
  const lower = text.toLowerCase();
  if (text === "") return true;
  return (
    choice.code.startsWith(lower) ||
    choice.nameKo.includes(text) ||
    choice.nameEn.toLowerCase().includes(lower) ||
    (text.length >= 2 && choice.words.includes(text))
  );
}
