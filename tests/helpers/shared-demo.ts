import { inject } from "vitest";
import type { RunningDemo } from "./demo-process";

/**
 * The browser tier's shared demo (tests/setup/browser-demo.ts starts it once for all files): its
 * addresses, shaped like a demo the file started itself; stopping it is the global teardown's job.
 */
export function sharedDemo(): RunningDemo {
  return { ...inject("sharedDemo"), output: [], stop: async () => {} };
}
