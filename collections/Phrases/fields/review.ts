import type { Field } from 'payload'

import { serverOnlyField } from '../../../src/access'
import { WORKFLOW_STATES } from '../../../src/domain/workflow'

const serverOnly = { create: serverOnlyField, update: serverOnlyField }

/**
 * The review state of a phrase, written only by server code (workflow endpoints, scheduler,
 * import). Each version keeps its own copy, which is what the history endpoint reads.
 */
export const reviewFields: Field[] = [
  {
    name: 'workflowState',
    type: 'select',
    required: true,
    defaultValue: 'draft',
    index: true,
    options: WORKFLOW_STATES.map((state) => ({ label: state, value: state })),
    access: serverOnly,
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'publishAt',
    type: 'date',
    index: true,
    access: serverOnly,
    admin: { position: 'sidebar', readOnly: true, description: 'Approved for publication at this time', date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'pendingAuthors',
    type: 'json',
    // Who wrote any part of the change awaiting review (user ids); cleared on approval.
    access: serverOnly,
    admin: { position: 'sidebar', readOnly: true, description: 'Authors of the pending change (four-eyes)' },
  },
  { name: 'changeAction', type: 'text', access: serverOnly, admin: { position: 'sidebar', readOnly: true, description: 'What made this version' } },
  { name: 'changedBy', type: 'text', access: serverOnly, admin: { position: 'sidebar', readOnly: true, description: 'Who made this version' } },
  { name: 'changeComment', type: 'textarea', access: serverOnly, admin: { position: 'sidebar', readOnly: true } },
  { name: 'approvedBy', type: 'text', access: serverOnly, admin: { position: 'sidebar', readOnly: true, description: 'The reviewer who approved this content' } },
]
