import type { CallOutcome } from '../enums';

/** What a dialer needs to place one call. */
export interface DialRequest {
  callId: number;
  campaignId: number;
  /** E.164 number to call. */
  to: string;
  ani: string | null;
  startUrl: string;
  messageReference: string | null;
  attempt: number;
}

/** How a call ended, as the dialer reports it. */
export interface CallEnd {
  callId: number;
  outcome: CallOutcome;
  endedAt: Date;
  durationSeconds: number;
}

/** A call left in `dialing` by a process that is gone, with the dialer's own id for it if any. */
export interface OrphanedCall {
  callId: number;
  dialerRef: string | null;
}

/** Where a dialer sends what it learns; the pacer records it in the database. */
export interface DialerEvents {
  /** The call ended; may be called from a timer, long after dial() returned. */
  ended(end: CallEnd): void;
  /** The dialer accepted the call and gave it its own id (used to ask about it after a crash). */
  accepted?(callId: number, dialerRef: string): void;
}

/**
 * The dialer port. Adapters place calls and report how each ended through DialerEvents; a
 * carrier failure is an outcome (`failed`), never an exception, so the pacer never redials.
 */
export interface Dialer {
  readonly name: string;
  dial(call: DialRequest): void;
  /**
   * Outcomes the dialer can still report for calls a dead process left in `dialing`; calls not
   * in the answer are recorded as interrupted. Adapters that keep calls in memory omit it.
   */
  outcomesOf?(calls: OrphanedCall[]): Promise<CallEnd[]>;
  /** Stops pending timers and requests (tests, shutdown). */
  close?(): void;
}
