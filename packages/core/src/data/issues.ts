/** Problems found in data files, recorded with their position and bounded in number. */

export type DataIssueCode =
  'ragged-row' | 'unclosed-quote' | 'stray-quote' | 'invalid-utf8' | 'row-too-long' | 'bad-json' | 'not-an-object';

export interface DataIssue {
  file?: string;
  /** 1-based physical line in the file. */
  line: number;
  /** 1-based column in that line, counted in Unicode code points (bytes for invalid UTF-8). */
  column: number;
  code: DataIssueCode;
  /** `error`: the row was dropped or is damaged; `warning`: the row was kept as read leniently. */
  severity: 'error' | 'warning';
  message: string;
}

/** Keeps the first `maxIssues` issues and counts all of them, so a broken file cannot exhaust memory. */
export class IssueLog {
  readonly issues: DataIssue[] = [];
  errorCount = 0;
  warningCount = 0;

  constructor(
    readonly file: string | undefined,
    readonly maxIssues: number,
  ) {}

  add(code: DataIssueCode, severity: DataIssue['severity'], line: number, column: number, message: string): void {
    if (severity === 'error') this.errorCount++;
    else this.warningCount++;
    if (this.issues.length >= this.maxIssues) return;
    const issue: DataIssue = { line, column, code, severity, message };
    if (this.file !== undefined) issue.file = this.file;
    this.issues.push(issue);
  }

  /** Issues found but not kept because of the bound. */
  get dropped(): number {
    return this.errorCount + this.warningCount - this.issues.length;
  }
}
