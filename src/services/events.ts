/**
 * Live updates per congress (attendance, voting progress, results) for the server-sent-events
 * stream. In-process: one server holds the database, so one bus sees every change. Services
 * publish after their transaction commits, never inside it (a retried transaction must not
 * announce twice).
 */
export interface CongressEvent {
  readonly type: 'attendance' | 'voting' | 'result' | 'congress' | 'news';
  readonly congressId: string;
  readonly data: unknown;
}

export type Listener = (event: CongressEvent) => void;

export class EventBus {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(congressId: string, listener: Listener): () => void {
    let set = this.listeners.get(congressId);
    if (!set) {
      set = new Set();
      this.listeners.set(congressId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(congressId);
    };
  }

  publish(event: CongressEvent): void {
    for (const listener of this.listeners.get(event.congressId) ?? []) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (a closed stream) must not stop the others.
      }
    }
  }

  subscriberCount(congressId: string): number {
    return this.listeners.get(congressId)?.size ?? 0;
  }
}
