import type { CollectionAfterErrorHook } from 'payload'

import { message, requestLanguage } from '../../../src/delivery/messages'
import { runtimeSettings } from '../../../src/runtimeSettings'

/**
 * Payload answers a locked account with the `unauthorized` of a wrong password. Say instead that
 * it is locked and when it unlocks, in the caller's language, in the `errors` the admin's sign-in
 * form shows (the API's `error` is built from it, with `code` account_locked and `unlocksAt`).
 */
export const explainLockout: CollectionAfterErrorHook = async ({ error, req }) => {
  if (error.name !== 'LockedAuth' || typeof req.data?.email !== 'string') return
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { email: { equals: req.data.email.trim().toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const lockUntil = docs[0]?.lockUntil
  if (!lockUntil) return
  const unlocksAt = new Date(lockUntil)
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: runtimeSettings(req.payload).timezone, hour: '2-digit', minute: '2-digit' }).format(unlocksAt)
  const minutes = Math.max(1, Math.ceil((unlocksAt.getTime() - Date.now()) / 60_000))
  const text = message('account_locked', requestLanguage(req), { minutes, time })
  return { response: { errors: [{ message: text, data: { code: 'account_locked', unlocksAt: unlocksAt.toISOString() } }] }, status: 401 }
}
