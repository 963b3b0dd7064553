import { chromium, type Browser, type Page } from "playwright-core";
import { BROWSER_USER_AGENT } from "../../dev/environment";

/** Debian's Chromium (CHROMIUM_PATH from `npm test`), headless and quiet, as every browser test runs it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A page whose uncaught errors fail the test. Headless Chromium says "HeadlessChrome" in its user
 * agent, which the app (isbot) turns away, so it presents a desktop browser's.
 */
export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ userAgent: BROWSER_USER_AGENT });
  page.on("pageerror", (error) => {
    throw error;
  });
  return page;
}
