import type { PhraseLocale } from '../src/domain/locales'

/** What the workflow endpoints, the scheduler and the import say about the version they write. */
export type ChangeStamp = { action: string; by: string; comment?: string | null; approvedBy?: string | null }

/** A locale's texts, as the standard library gives them. */
export type SeededTexts = Partial<Record<'title' | 'text' | 'agentNotes', string | null>>

/**
 * What a save is, said once by whoever starts it (`context: { write }`) and read by every hook.
 * No intent is a person's own save, through the API or the admin.
 */
export type WriteIntent =
  /**
   * The standard library's loader. A phrase brings every locale it gives, written in one save (both
   * scripts, the regions' own wording; the conversion hook proposes the rest), and its version's stamp.
   */
  | { kind: 'seed'; locales?: Partial<Record<PhraseLocale, SeededTexts>>; change?: ChangeStamp }
  /** A workflow transition: submit, approve, reject, retire, the scheduler's publication and expiry. */
  | { kind: 'transition'; change: ChangeStamp }
  /** A glossary change re-proposing a phrase's machine-written locales; each locale is written as given. */
  | { kind: 'reproposal'; change: ChangeStamp }
  /** A person settling one flagged word (the resolve-ambiguity endpoint): the other locales stay as they are. */
  | { kind: 'settle-flag' }
  /** The restore endpoint bringing a version back as a new draft, every locale as the version holds it. */
  | { kind: 'restore'; version: string }
  /**
   * A row of a person's spreadsheet import. `convertOverPersonText`: the row leaves the other script
   * empty, so it is converted from this one even over a person's earlier text.
   */
  | { kind: 'import-row'; convertOverPersonText: boolean }

declare module 'payload' {
  interface RequestContext {
    /** What the save under way is (see WriteIntent). */
    write?: WriteIntent
  }
}

/** The context that says what a save is. */
export const saying = (write: WriteIntent) => ({ write })
