import type { Server } from "node:http";
import type express from "express";

/**
 * Serves an express app on loopback (port 0 picks a free one). `url` is its base; `close` also ends
 * keep-alive connections so tests and the demo stop promptly.
 */
export async function listenOnLoopback(app: express.Express, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
