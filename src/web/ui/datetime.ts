/**
 * Instants in forms: `<input type="datetime-local">` holds a wall-clock time in the browser's time
 * zone; the API takes and gives ISO 8601 instants. These convert between the two.
 */

/** An instant as a datetime-local value in the browser's time zone ('' when invalid). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (wall-clock time here) as an ISO 8601 instant; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  // Without an offset, a date-time string is read as local time.
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The browser's time zone, to say in which zone times are entered (e.g. "Europe/Oslo"). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
