/**
 * A text cell for a CSV or Excel export, safe to open in a spreadsheet: text that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula (`=HYPERLINK(...)`), so
 * it gets a leading apostrophe (OWASP, "CSV Injection"). Plain numbers ("-12,50") are left alone.
 */
export function safeSpreadsheetText(value: string): string {
  if (/^-?\d+([.,]\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
