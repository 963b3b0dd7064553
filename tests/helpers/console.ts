/** Declares that the current test expects `count` console.error calls (e.g. a logged webhook failure). */
export function expectConsoleError(count = 1): void {
  (globalThis as { __rapportExpectedConsoleErrors?: number }).__rapportExpectedConsoleErrors = count;
}
