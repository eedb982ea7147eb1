// Admission for whole-authority work (issue 11, finding 4): `compliance` and `dueDates`
// computed on the fly, and the extracts, each replay the rules for every child and hold the
// result in memory, so an instance runs only a few at once (CAREBRIDGE_BULK_CONCURRENCY) and
// lets a bounded number wait (CAREBRIDGE_BULK_QUEUE). Past that the answer is 503
// SERVICE_UNAVAILABLE with Retry-After, before any work starts.
//
// Hand-written rather than p-limit (in the tree, transitively): p-limit cannot take a waiting
// task back out when its client hangs up, so a queue of abandoned requests would still run.
// p-queue (≥ 9.1, `signal` removes a queued task) would fit and is not a dependency.

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`This instance is busy with whole-authority work (compliance, dueDates or an extract computed now); retry after ${retryAfterSeconds} s`);
  }
}

export interface WholeAuthorityQueueSettings {
  /** How many run at once. */
  concurrency: number;
  /** How many may wait for a turn; one more is refused. */
  queue: number;
  /**
   * The deadline of a request doing whole-authority work, from when it joins the queue
   * (CAREBRIDGE_BULK_TIMEOUT_MS): longer than a look-up's, as the work is (src/http/deadline.ts).
   */
  timeoutMs: number;
}

/** What a refused caller is told to wait: about one whole-authority run at the cost limit. */
export const retryAfterSeconds = 10;

export class WholeAuthorityQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly settings: WholeAuthorityQueueSettings) {}

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Runs `work` when a place is free, and frees the place however it ends. Throws QueueFullError
   * at once when every place and every waiting slot is taken. A caller whose `signal` aborts
   * while waiting (its client gone, its deadline passed) leaves the queue (its slot freed) and
   * gets the signal's reason; one admitted has its request `deadline` extended to the bulk one.
   */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal, deadline?: { extend(timeoutMs: number): void }): Promise<T> {
    signal?.throwIfAborted();
    if (this.#running >= this.settings.concurrency) {
      if (this.#waiting.length >= this.settings.queue) throw new QueueFullError(retryAfterSeconds);
      deadline?.extend(this.settings.timeoutMs);
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        };
        const leave = () => {
          this.#waiting.splice(this.#waiting.indexOf(turn), 1);
          reject(signal!.reason);
        };
        this.#waiting.push(turn);
        signal?.addEventListener('abort', leave, { once: true });
      });
    } else {
      deadline?.extend(this.settings.timeoutMs);
      this.#running++;
    }
    try {
      // Gone while it waited: the place passes on at once.
      signal?.throwIfAborted();
      return await work();
    } finally {
      // The place passes straight to the next in line, or is freed.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
