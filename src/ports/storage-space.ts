// Whether the database's storage has room for writes. The embedded database (PGlite) must not run
// into a full disk: a checkpoint that cannot write blocks the whole process (docs/TROUBLESHOOTING.md,
// "The embedded database (PGlite) stops on a full disk"), so writes stop while there is still room.

/** Why writes are refused right now; the message is fit for a public answer (it names no path). */
export interface StorageProblem {
  /** e.g. "low disk space: 120 MB free for the database, below the 256 MB floor (DATA_DIR_MIN_FREE_MB)" */
  message: string;
  freeBytes: number;
  floorBytes: number;
}

export interface StorageSpace {
  /** Null while writes may go on; else what stops them. Cheap: reads the last periodic check. */
  problem(): StorageProblem | null;
}
