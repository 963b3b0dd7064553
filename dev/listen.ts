import type express from "express";
import { listen } from "../app/http-server.server";

/**
 * Serves an express app on loopback (port 0 picks a free one), as the app's own server does: a taken
 * port raises PortInUseError with a one-line message. `close` also ends keep-alive connections.
 */
export async function listenOnLoopback(app: express.Express, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const { url, close } = await listen(app, port, "127.0.0.1");
  return { url, close };
}
