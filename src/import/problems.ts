// What is wrong with an extract, as `file:line: column: problem`. The first 100 are kept
// word for word; beyond that they are only counted, so a broken 1 GB file cannot fill memory.

export interface ImportProblem {
  /** `ssd_person.csv`, or `ssd_person (stored)` for a row already in the database. */
  file: string;
  /** Physical line of the file (the header is line 1); null for a stored row. */
  line: number | null;
  column: string | null;
  message: string;
}

export const problemsKept = 100;

export function formatProblem(problem: ImportProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  return problem.column ? `${where}: ${problem.column}: ${problem.message}` : `${where}: ${problem.message}`;
}

export class ProblemList {
  readonly kept: ImportProblem[] = [];
  count = 0;

  add(problem: ImportProblem): void {
    this.count++;
    if (this.kept.length < problemsKept) this.kept.push(problem);
  }

  /** Adds problems found in SQL: `total` may exceed the rows given, which are the first ones. */
  addCounted(problems: ImportProblem[], total: number): void {
    for (const problem of problems) this.add(problem);
    this.count += total - problems.length;
  }

  /** Sorted by file order then line, as a reader goes through the files. */
  sorted(fileOrder: readonly string[]): ImportProblem[] {
    const rank = (file: string) => {
      const index = fileOrder.findIndex((name) => file.startsWith(name));
      return index === -1 ? fileOrder.length : index;
    };
    return [...this.kept].sort((a, b) => rank(a.file) - rank(b.file) || (a.line ?? 0) - (b.line ?? 0));
  }
}

/**
 * What the import stored but a reader should know, counted per file and column: times of day
 * set aside from date-times, and dates that look like placeholders (values.ts,
 * isPossiblePlaceholder). Never a reason to refuse a row.
 */
export interface ImportNotice {
  file: string;
  column: string;
  kind: 'time of day' | 'placeholder date';
  count: number;
  /** The earliest and latest dates noticed (dates alone, without the row they came from). */
  first: string;
  last: string;
}

export function formatNotice(notice: ImportNotice): string {
  const range = notice.first === notice.last ? notice.first : `${notice.first} to ${notice.last}`;
  const count = notice.count.toLocaleString('en-GB');
  const what =
    notice.kind === 'time of day'
      ? `${count} times of day set aside (the calendar date as written is stored)`
      : `${count} placeholder or pre-2000 dates stored as recorded (${range})`;
  return `${notice.file}: ${notice.column}: ${what}`;
}

export class NoticeList {
  private readonly byKey = new Map<string, ImportNotice>();

  add(file: string, column: string, kind: ImportNotice['kind'], date: string): void {
    const key = `${file}\u0000${column}\u0000${kind}`;
    const notice = this.byKey.get(key);
    if (!notice) {
      this.byKey.set(key, { file, column, kind, count: 1, first: date, last: date });
      return;
    }
    notice.count++;
    if (date < notice.first) notice.first = date;
    if (date > notice.last) notice.last = date;
  }

  /** In the order they were first met: file by file, columns as a reader meets them. */
  list(): ImportNotice[] {
    return [...this.byKey.values()];
  }
}
