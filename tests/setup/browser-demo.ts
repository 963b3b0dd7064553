import type { TestProject } from "vitest/node";
import { freePort, startDemo } from "../helpers/demo-process";

/** Where the browser tier's shared demo runs: what its test files need of it. */
export interface SharedDemo {
  standinUrl: string;
  appUrl: string;
  databaseUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    sharedDemo: SharedDemo;
  }
}

/**
 * One `npm run demo` for the browser tier's files that look at a finished demo shop (storefront, admin,
 * loyalty, profiles, recommendations): started once, as a person would, instead of once per file — a
 * demo start is the tier's biggest cost. Files that watch the install itself (the backfill's progress,
 * parked deliveries) still start their own. Each file reads the database live, so they stay
 * independent of the order they run in.
 */
export default async function setup(project: TestProject) {
  const demo = await startDemo({ standin: await freePort(), app: await freePort() }, 480_000);
  project.provide("sharedDemo", { standinUrl: demo.standinUrl, appUrl: demo.appUrl, databaseUrl: demo.databaseUrl });
  return () => demo.stop();
}
