import { CsvError, parse } from "csv-parse/sync";
import { InvalidInputError } from "../../lib/errors";
import { MAX_POINTS_PER_POSTING } from "../ledger-limits";
import { detectSource, normaliseHeader, SOURCE_COLUMNS, SOURCE_LABELS, type ImportSource, type SourceColumns } from "./import-sources";

/** A row Rapport can import: who the customer is and the figures the old app held for them. */
export interface ImportRow {
  line: number;
  ok: true;
  /** Shopify's numeric customer id, when the export carries it. */
  shopifyCustomerId: string | null;
  /** Lower-cased. */
  email: string | null;
  /** Spendable points in the old app (LoyaltyLion: approved + pending). */
  balance: number;
  /** Points ever earned there: balance + spent. */
  earned: number;
  /** Points spent there on rewards. */
  spent: number;
  tierName: string | null;
}

/** A row refused as it was read, with the reason the merchant sees. */
export interface RefusedRow {
  line: number;
  ok: false;
  email: string | null;
  reason: string;
}

export type FileRow = ImportRow | RefusedRow;

/** A file read into rows, and the app it came from. */
export interface ImportFile {
  source: ImportSource;
  /** The normalised header, as found. */
  header: string[];
  rows: FileRow[];
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/**
 * Reads a Smile.io or LoyaltyLion customer export (CSV: a BOM, CRLF, quoted fields with commas or line
 * breaks, any column order). The app is recognised by the header, or must match `chosen`. A file that
 * cannot be read at all throws InvalidInputError naming the form field (`file` or `source`); a bad row
 * becomes a RefusedRow with its reason, and the rest still import.
 * @example parseImportFile("email,points_balance,vip_tier\r\nada@example.com,120,Gold\r\n", "auto").rows[0] // { line: 2, ok: true, email: "ada@example.com", balance: 120, … }
 */
export function parseImportFile(text: string, chosen: ImportSource | "auto"): ImportFile {
  const [head, ...body] = readRecords(text);
  const { source, header } = sourceOf(head?.record, chosen);
  if (body.length === 0) throw new InvalidInputError("file", "The file has a header but no customers");
  const columns = SOURCE_COLUMNS[source];
  const at = (names: readonly string[]) => {
    const i = header.findIndex((h) => names.includes(h));
    return i < 0 ? null : i;
  };
  const index = {
    email: at(columns.email),
    id: at(columns.shopifyCustomerId),
    balance: at(columns.balance)!,
    pending: at(columns.pending),
    spent: at(columns.spent),
    tier: at(columns.tier),
  };
  return {
    source,
    header,
    rows: body.map(({ record, info }) =>
      readRow(
        record.map((c) => c.trim()),
        info.lines,
        header.length,
        index,
        columns,
      ),
    ),
  };
}

/**
 * Reads only the first line: which app exported the file (the upload answers at once; the dry run
 * reads the rest). Throws InvalidInputError like parseImportFile.
 * @example readImportSource("\uFEFFEmail,Points balance\r\n…", "auto") // "smile"
 */
export function readImportSource(text: string, chosen: ImportSource | "auto"): ImportSource {
  return sourceOf(readRecords(text, 1)[0]?.record, chosen).source;
}

type CsvRecord = { record: string[]; info: { lines: number } };

function readRecords(text: string, toLine?: number): CsvRecord[] {
  try {
    return parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      to_line: toLine,
    }) as unknown as CsvRecord[];
  } catch (error) {
    if (error instanceof CsvError) throw new InvalidInputError("file", `The file is not a readable CSV file (${error.message})`);
    throw error;
  }
}

function sourceOf(first: string[] | undefined, chosen: ImportSource | "auto"): { source: ImportSource; header: string[] } {
  if (!first) throw new InvalidInputError("file", "The file is empty");
  const header = first.map(normaliseHeader);
  const detected = detectSource(header);
  if (!detected) {
    throw new InvalidInputError(
      "file",
      "This is not a Smile.io or LoyaltyLion customer export: its first line has neither a points_balance nor a points_approved column",
    );
  }
  if (chosen !== "auto" && chosen !== detected) {
    throw new InvalidInputError("source", `This file is a ${SOURCE_LABELS[detected]} export, not ${SOURCE_LABELS[chosen]}`);
  }
  return { source: detected, header };
}

type Index = {
  email: number | null;
  id: number | null;
  balance: number;
  pending: number | null;
  spent: number | null;
  tier: number | null;
};

function readRow(cells: string[], line: number, width: number, index: Index, columns: SourceColumns): FileRow {
  const cell = (i: number | null) => (i === null ? "" : (cells[i] ?? ""));
  const email = cell(index.email).toLowerCase() || null;
  const refuse = (reason: string): RefusedRow => ({ line, ok: false, email, reason });
  if (cells.length !== width) return refuse(`The row has ${cells.length} fields where the header has ${width}`);
  const id = cell(index.id);
  if (id && !/^\d{1,20}$/.test(id)) return refuse(`${columns.shopifyCustomerId[0]} "${id}" is not a Shopify customer id`);
  if (email && !EMAIL.test(email)) return refuse(`"${cell(index.email)}" is not an email address`);
  if (!email && !id) return refuse("No email address or Shopify customer id to find the customer by");
  const balance = points(cell(index.balance), columns.balance[0]!, true);
  if (typeof balance === "string") return refuse(balance);
  const pending = points(cell(index.pending), columns.pending[0] ?? "", false);
  if (typeof pending === "string") return refuse(pending);
  const spent = points(cell(index.spent), columns.spent[0] ?? "", false);
  if (typeof spent === "string") return refuse(spent);
  const total = balance + pending;
  if (total + spent > MAX_POINTS_PER_POSTING) return refuse("More points than one customer's account can hold");
  return {
    line,
    ok: true,
    shopifyCustomerId: id || null,
    email,
    balance: total,
    earned: total + spent,
    spent,
    tierName: cell(index.tier) || null,
  };
}

/** Whole, non-negative points; a string is the reason a value is refused. */
function points(value: string, column: string, required: boolean): number | string {
  if (value === "") return required ? `No ${column}` : 0;
  if (/^-\d+$/.test(value.replace(/\s/g, ""))) return `${column} is negative (${value})`;
  if (!/^\d{1,10}$/.test(value)) return `${column} "${value}" is not a whole number of points`;
  const n = Number(value);
  return n > MAX_POINTS_PER_POSTING ? `${column} ${value} is more than an account can hold` : n;
}
