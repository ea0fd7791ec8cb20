import type { Logger } from '../observability/logger.ts';
import type { Pausable } from './disk-space.ts';

/**
 * The inbox worker as the service starts it: only once `warmUp` has read the sample conversations
 * (app/turn/warm-up.ts), so the first leads' turns do not stall the event loop while the readers'
 * patterns compile. A stop before then (a pause for low disk space, a shutdown) holds it back; a
 * failed warm-up is logged and the worker starts anyway.
 */
export function inboxAfterWarmUp(
  worker: Pausable,
  warmUp: () => Promise<number>,
  logger: Logger,
  isStopped: () => boolean,
): Pausable {
  let warmed = false;
  let wanted = true;
  const inbox: Pausable = {
    start() {
      wanted = true;
      if (warmed && !isStopped()) worker.start();
    },
    stop() {
      wanted = false;
      return worker.stop();
    },
  };
  const begin = () => {
    warmed = true;
    if (wanted) inbox.start();
  };
  warmUp().then(
    (ms) => {
      logger.debug({ ms: Math.round(ms) }, 'turn readers warmed up');
      begin();
    },
    (err: unknown) => {
      logger.warn({ err }, 'turn warm-up failed; the first turns warm the readers instead');
      begin();
    },
  );
  return inbox;
}
