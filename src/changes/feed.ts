/**
 * A change that committed: the collection written to. `ANYTHING` says "something may have changed that this process did not hear of"
 * (another process wrote, a notification was lost): every follower checks its own source again.
 */
export type Change = { collection: string }

export const ANYTHING = '*'

type Follower = { collections: ReadonlySet<string>; follow: (change: Change) => void }

/**
 * The one feed every in-memory cache follows (the delivery snapshot, the converter, the
 * forbidden-term matcher, checked credentials). Writers announce after commit; followers name
 * the collections they are built from and hear of those changes, and of `ANYTHING`.
 */
export class ChangeFeed {
  private readonly followers = new Set<Follower>()

  constructor(private readonly onFollowerError: (error: unknown) => void = () => {}) {}

  /** Calls `follow` for each change of one of `collections` (and for `ANYTHING`); returns the unfollow. */
  follow(collections: readonly string[], follow: (change: Change) => void): () => void {
    const follower = { collections: new Set(collections), follow }
    this.followers.add(follower)
    return () => this.followers.delete(follower)
  }

  publish(changes: readonly Change[]): void {
    for (const change of changes) {
      for (const follower of this.followers) {
        if (change.collection !== ANYTHING && !follower.collections.has(change.collection)) continue
        try {
          follower.follow(change)
        } catch (error) {
          this.onFollowerError(error)
        }
      }
    }
  }
}
