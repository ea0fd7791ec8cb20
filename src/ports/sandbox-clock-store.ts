/**
 * Where the sandbox location's clock keeps how far it runs ahead of the real clock, so a restart
 * keeps the sandbox's time.
 */
export interface SandboxClockStore {
  /** The stored offset in milliseconds (0 when none was ever stored). */
  readOffsetMs(): Promise<number>;
  /** Adds `ms` to the stored offset and returns the new offset. */
  addOffsetMs(ms: number): Promise<number>;
}
