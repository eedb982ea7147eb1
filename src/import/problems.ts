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
