import { EventEmitter } from "node:events";

declare global {
  var rapportInboxEvents: EventEmitter | undefined;
}

/**
 * In-process signal that deliveries were stored: a worker in the same process wakes at once instead
 * of at its next poll. On globalThis so that the build and source-loaded modules share one emitter.
 */
export const inboxEvents: EventEmitter = (globalThis.rapportInboxEvents ??= new EventEmitter().setMaxListeners(50));
