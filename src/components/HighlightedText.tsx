'use client'
import React from 'react'

/** A span of text to highlight: a converter flag, a forbidden term or a change from another text (UTF-16 positions, as the server gives them). */
export type Mark = { index: number; length: number; kind: 'flag' | 'block' | 'warn' | 'diff'; title?: string }

/** Text with its marked spans highlighted; overlapping marks combine their classes. */
export const HighlightedText: React.FC<{ text: string; marks: Mark[] }> = ({ text, marks }) => {
  const kindsAt: Mark[][] = Array.from({ length: text.length }, () => [])
  for (const mark of marks) {
    for (let i = mark.index; i < Math.min(text.length, mark.index + mark.length); i++) kindsAt[i]!.push(mark)
  }
  const pieces: { text: string; marks: Mark[] }[] = []
  for (let i = 0; i < text.length; i++) {
    const last = pieces.at(-1)
    if (last && sameMarks(last.marks, kindsAt[i]!)) last.text += text[i]
    else pieces.push({ text: text[i]!, marks: kindsAt[i]! })
  }
  return (
    <p className="highlighted-text">
      {pieces.map((piece, i) =>
        piece.marks.length ? (
          <mark key={i} className={piece.marks.map((m) => `mark--${m.kind}`).join(' ')} title={piece.marks.map((m) => m.title).filter(Boolean).join(' · ')}>
            {piece.text}
          </mark>
        ) : (
          <React.Fragment key={i}>{piece.text}</React.Fragment>
        ),
      )}
    </p>
  )
}

const sameMarks = (a: Mark[], b: Mark[]) => a.length === b.length && a.every((mark, i) => mark === b[i])
