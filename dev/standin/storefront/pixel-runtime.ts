// Runs inside the preview's pixel Web Worker, bundled in place of `@shopify/web-pixels-extension`: the
// API Shopify's strict pixel sandbox hands a pixel — `analytics.subscribe`, `browser.cookie`,
// `customerPrivacy.subscribe`, `init`, `settings` — driven by messages from the page (pixel-host.ts).
// Like the strict sandbox, the pixel sees no DOM: only these, fetch and timers.

type Handler = (event: unknown) => void;
type PixelApi = Record<string, unknown>;
interface HostMessage {
  type: "init" | "event" | "consent" | "cookie-answer";
  init?: unknown;
  settings?: unknown;
  event?: { name: string };
  customerPrivacy?: unknown;
  id?: number;
  value?: string;
}

const analytics = new Map<string, Handler[]>();
// Events published before the pixel subscribed (its callback awaits a cookie first): Shopify's sandbox
// buffers them and delivers them to a later subscriber, so this one does too.
const published: { name: string }[] = [];
const privacy = new Map<string, Handler[]>();
const answers = new Map<number, (value: string) => void>();
let nextQuestion = 0;
let registered: ((api: PixelApi) => unknown) | null = null;

const worker = globalThis as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: "message", fn: (e: MessageEvent<HostMessage>) => void): void;
};
const on = (table: Map<string, Handler[]>, name: string, handler: Handler) => void table.set(name, [...(table.get(name) ?? []), handler]);
const cookie = (op: "get" | "set", value: string) =>
  new Promise<string>((resolve) => {
    nextQuestion += 1;
    answers.set(nextQuestion, resolve);
    worker.postMessage({ type: "cookie", id: nextQuestion, op, value });
  });

/** `register` as the extension imports it: the callback runs once the page sends the init. */
export function register(callback: (api: PixelApi) => unknown): void {
  registered = callback;
}

worker.addEventListener("message", ({ data }) => {
  if (data.type === "init") {
    void registered?.({
      analytics: {
        subscribe: (name: string, handler: Handler) => {
          on(analytics, name, handler);
          for (const event of published) if (event.name === name || name === "all_standard_events") handler(event);
        },
      },
      browser: { cookie: { get: (name: string) => cookie("get", name), set: (value: string) => cookie("set", value) } },
      customerPrivacy: { subscribe: (name: string, handler: Handler) => on(privacy, name, handler) },
      init: data.init,
      settings: data.settings,
    });
  } else if (data.type === "event" && data.event) {
    published.push(data.event);
    for (const handler of [...(analytics.get(data.event.name) ?? []), ...(analytics.get("all_standard_events") ?? [])]) handler(data.event);
  } else if (data.type === "consent") {
    for (const handler of privacy.get("visitorConsentCollected") ?? []) handler({ customerPrivacy: data.customerPrivacy });
  } else if (data.type === "cookie-answer" && data.id !== undefined) {
    answers.get(data.id)?.(data.value ?? "");
    answers.delete(data.id);
  }
});
