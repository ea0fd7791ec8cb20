// Preloaded into the service by bench/fuzz.ts only, with --expose-gc: SIGUSR2 runs a full garbage
// collection, so the heap the bench reads from /metrics next is what the service really keeps.
process.on('SIGUSR2', () => globalThis.gc?.());
