import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error fails the test (STYLE §10). A test that expects one calls
// `expectConsoleError()` from tests/helpers/console.ts.
let errors: unknown[][] = [];
const original = console.error;

beforeEach(() => {
  errors = [];
  (globalThis as { __rapportExpectedConsoleErrors?: number }).__rapportExpectedConsoleErrors = 0;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  const expected = (globalThis as { __rapportExpectedConsoleErrors?: number }).__rapportExpectedConsoleErrors ?? 0;
  // Declared errors must happen exactly (a test expecting a logged failure fails if none is logged).
  if (errors.length > expected || (expected > 0 && errors.length !== expected)) {
    original("Unexpected console.error:", ...errors.flat());
    throw new Error(`Unexpected console.error during test: ${errors.map((a) => a.map(String).join(" ")).join(" | ")}`);
  }
});
