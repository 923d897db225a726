// Requests a page makes again and again (on an event, a reconnection, a click) may be answered
// out of order: on a busy server or network an answer read earlier can arrive after one read
// later, or after an event that brought a newer value. Applied as they arrive, the older one
// wins and stays on screen until the next change — after the hall's last arrival, for good.
// An AnswerOrder numbers requests as they begin; an answer is applied only if nothing begun
// after it has been applied already.

export class AnswerOrder {
  private begun = 0;
  private shown = 0;

  /** A request begins: its ticket. */
  begin(): number {
    return ++this.begun;
  }

  /** Whether the answer to `ticket` is newer than what is shown (and so may be shown). */
  current(ticket: number): boolean {
    return ticket > this.shown;
  }

  /** Takes the answer to `ticket` if it is newer than what is shown; says whether it did. */
  accept(ticket: number): boolean {
    if (!this.current(ticket)) return false;
    this.shown = ticket;
    return true;
  }

  /** A value newer than every request begun so far is shown (an event's): they are all stale. */
  pushed(): void {
    this.shown = ++this.begun;
  }
}
