/** Unit of a numeric epoch timestamp in text: seconds or milliseconds. */
export type TimestampUnit = 's' | 'ms';

const ISO =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const PLAIN_DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch milliseconds of an ISO-8601 date or date-time (no offset = UTC); undefined when malformed. */
function parseIso(s: string): number | undefined {
  const m = ISO.exec(s);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  // Fraction digits -> milliseconds (fractional below 1 ms; the table rejects those).
  const fraction = m[7] === undefined ? 0 : Number(m[7].padEnd(9, '0')) / 1e6;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fraction;
}

/** Epoch milliseconds of epoch-seconds text, exact for plain decimals (`1700000000.123`). */
function secondsToMs(s: string): number {
  const m = PLAIN_DECIMAL.exec(s);
  if (m === null) return Number(s) * 1000;
  const frac = m[3] ?? '';
  const ms = Number(m[2]) * 1000 + Number(frac.slice(0, 3).padEnd(3, '0')) + (frac.length > 3 ? Number(`0.${frac.slice(3)}`) : 0);
  return m[1] === '-' ? -ms : ms;
}

/**
 * Epoch milliseconds of a timestamp field: ISO-8601 (`2024-01-02`, `2024-01-02T03:04:05.678Z`, a
 * space for `T`, a `+hh:mm` offset; no offset = UTC) or an epoch number in `unit`. Undefined
 * when the text is neither. The result may be fractional (sub-millisecond input).
 */
export function parseTimestampField(raw: string, unit: TimestampUnit): number | undefined {
  const s = raw.trim();
  if (NUMBER.test(s)) return unit === 's' ? secondsToMs(s) : Number(s);
  return parseIso(s);
}
