/**
 * How much one phrase may hold. Enforced on every write (collections/Phrases) and checked row by
 * row by the spreadsheet import, so an import never plans what a save would then refuse.
 */
export const PHRASE_LIMITS = {
  /** Characters per locale. */
  length: { title: 200, text: 2000, agentNotes: 1000 },
  tags: { items: 50, length: 100 },
  /** What customers say that calls for the phrase (要投訴, 聽不清楚): short, a few per phrase. */
  triggers: { items: 60, length: 40 },
  sourceDocuments: { items: 20, length: 200 },
  variables: { items: 50, length: 200 },
  /** `order` is a whole number within ± this. */
  order: 1_000_000,
} as const
