import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'

import { createSession, type Session } from 'better-sse'
import type { Payload } from 'payload'

import { eventOf } from '../delivery/changeEvents'
import { type RevisionEntry, revisionsSince } from '../delivery/revisions'
import type { DeliveryStore } from '../delivery/store'
import type { CredentialCache } from './credentials'

/** A comment line this often keeps proxies from closing an idle stream, and shows a dead one. */
export const HEARTBEAT_MS = 15_000
/** What a client's EventSource waits before it reconnects (it then sends Last-Event-ID). */
const RECONNECT_MS = 2000

type Desktop = { session: Session; headers: IncomingHttpHeaders; end: () => void }

/** `published` and `withdrawn` for a phrase, `reference` for categories, holidays, scenarios, the glossary. */

/**
 * `GET /v1/events`: server-sent events for agent desktops. Each process pushes the delivery
 * revisions its own snapshot has reached, so a desktop told of a publish and then reading `/v1`
 * from the same process gets the new text. Every event's id is its revision: a reconnecting
 * EventSource sends the last one as `Last-Event-ID` and misses nothing.
 */
export class DeliveryEvents {
  private readonly desktops = new Set<Desktop>()
  /** The newest revision pushed to every desktop. */
  private pushed = 0
  /** Openings and pushes one after another, so each desktop gets every revision once, in order. */
  private turn: Promise<void> = Promise.resolve()
  private stopFollowing: (() => void) | null = null
  private stopped = false

  constructor(
    private readonly payload: Payload,
    private readonly store: DeliveryStore,
    private readonly credentials: CredentialCache,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  start(): void {
    this.pushed = this.store.snapshot.revision
    this.stopFollowing = this.store.onAdvance((revision) => this.inTurn(() => this.advance(revision)))
  }

  /** Ends every stream (desktops reconnect to another process, or to this one when it is back). */
  async stop(): Promise<void> {
    // Set first: a stream still being opened (checking credentials, waiting its turn) ends too.
    this.stopped = true
    this.stopFollowing?.()
    await this.turn
    this.endAll()
  }

  /**
   * Opens the stream for a desktop that has checked its credentials: first what happened after
   * `since` up to this process's snapshot, then `ready` with the revision it is at, then each
   * change as the snapshot reaches it.
   */
  open(req: IncomingMessage, res: ServerResponse, since: number): Promise<void> {
    // The desktop may hang up while it waits its turn, before the session listens for that.
    let hungUp = false
    res.once('close', () => (hungUp = true))
    return this.inTurn(async () => {
      if (hungUp) return
      const session = await createSession(req, res, { keepAlive: this.heartbeatMs, retry: RECONNECT_MS, trustClientEventId: false })
      const desktop: Desktop = { session, headers: req.headers, end: () => res.end() }
      session.once('disconnected', () => this.desktops.delete(desktop))
      try {
        const backlog = since < this.pushed ? (await revisionsSince(this.payload, since)).filter((entry) => entry.revision <= this.pushed) : []
        for (const entry of backlog) this.send(desktop, entry)
      } catch (error) {
        res.end()
        throw error
      }
      if (this.stopped || hungUp || !session.isConnected) {
        res.end()
        return
      }
      session.push({ revision: this.pushed }, 'ready', String(this.pushed))
      this.desktops.add(desktop)
    })
  }

  private endAll(): void {
    for (const desktop of this.desktops) desktop.end()
    this.desktops.clear()
  }

  private inTurn(work: () => Promise<void>): Promise<void> {
    const next = this.turn.then(work)
    this.turn = next.catch((error: unknown) => this.payload.logger.error({ err: error }, 'Pushing delivery events failed'))
    return next
  }

  private async advance(revision: number): Promise<void> {
    if (revision < this.pushed) {
      // The database went back (a restore): every cursor is off; reconnecting gets 410 resync_required.
      this.endAll()
      this.pushed = revision
      return
    }
    if (revision === this.pushed) return
    let entries: RevisionEntry[]
    try {
      entries = (await revisionsSince(this.payload, this.pushed)).filter((entry) => entry.revision <= revision)
    } catch (error) {
      // Never skip a revision: the desktops reconnect with their Last-Event-ID and get it then.
      this.endAll()
      this.pushed = revision
      throw error
    }
    this.pushed = revision
    await Promise.all(
      [...this.desktops].map(async (desktop) => {
        // A client disabled or a person signed out since the stream opened hears nothing more;
        // a check that fails ends the stream too (its reconnect resumes from its last event).
        const allowed = await this.credentials.principalOf(desktop.headers).catch(() => null)
        if (!allowed) {
          desktop.end()
          this.desktops.delete(desktop)
          return
        }
        for (const entry of entries) this.send(desktop, entry)
      }),
    )
  }

  private send({ session }: Desktop, entry: RevisionEntry): void {
    if (!session.isConnected) return
    session.push({ revision: entry.revision, key: entry.key, change: entry.change }, eventOf(entry), String(entry.revision))
  }
}
