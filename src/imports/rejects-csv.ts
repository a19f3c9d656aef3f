/** The rejects report: where and why, never the row's values. Safe to open in Excel. */
export const REJECTS_HEADER = 'line,column,severity,reason';

/**
 * One CSV cell. A cell that Excel would read as a formula (starting with =, +, -, @, tab or CR) gets
 * a leading apostrophe; cells with a comma, quote or line break are quoted.
 */
export function csvCell(value: string | number): string {
  let v = String(value);
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function rejectsLine(issue: { line: number; column: string; severity: string; reason: string }): string {
  return [issue.line, csvCell(issue.column), csvCell(issue.severity), csvCell(issue.reason)].join(',');
}
