/**
 * One benchmark of `npm run bench`: it measures something and returns its figures under the keys the
 * issues name (e.g. `webhook_ack_per_s`), plus rows for the human table. Progress goes to stderr
 * through `progress`; stdout is the table or the JSON object.
 */
export interface BenchContext {
  /** `--database`: a postgresql:// URL, or null for the embedded default (SQLite). */
  databaseUrl: string | null;
  /** `--scale`: a factor on dataset sizes (1 = the sizes the issues name). */
  scale: number;
  /** `--skip a,b`: parts a benchmark may leave out when asked (the recs bench's "model-build", the loyalty bench's "panel"). */
  skip: readonly string[];
  /** `--cpu-prof DIR`: the app servers a benchmark starts write V8 CPU profiles there (node --cpu-prof). */
  cpuProfDir: string | null;
  /** A scratch directory for this run (removed afterwards). */
  tmpDir: string;
  progress(line: string): void;
}

export interface BenchResult {
  /** Figures for `--json`, under the issues' keys. */
  figures: Record<string, number | string | null | Record<string, unknown>>;
  /** Lines for the table: measure, value, goal, and a note (what limits it, the baseline beside it). */
  rows: { measure: string; value: string; goal?: string; note?: string }[];
}

export interface Benchmark {
  name: string;
  /** What it measures, one line. */
  description: string;
  run(context: BenchContext): Promise<BenchResult>;
}
