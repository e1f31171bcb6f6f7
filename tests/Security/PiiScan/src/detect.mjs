// Personal identifiers in free text: mainland ID numbers, mobile numbers, bank-card numbers.
// A candidate must stand alone: a digit run inside a longer run of letters and digits (a hex trace id, a GUID, a
// WeChat Pay transaction id of 28 digits, a 32-hex out_trade_no) is not an identifier.

const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

// Not preceded or followed by a letter or digit, nor part of a decimal number (an elapsed time such as 0.13812345678).
const ALONE_BEFORE = String.raw`(?<![0-9A-Za-z])(?<!\d\.)`;
const ALONE_AFTER = String.raw`(?![0-9A-Za-z])(?!\.\d)`;

const ID18 = new RegExp(`${ALONE_BEFORE}(\\d{17}[\\dXx])${ALONE_AFTER}`, 'g');
const ID15 = new RegExp(`${ALONE_BEFORE}(\\d{15})${ALONE_AFTER}`, 'g');
// +86 / 0086 / 86 in front of a mobile number is the same number.
// Also written 3-4-4 (138 0013 8000, 138-0013-8000).
const MOBILE = new RegExp(`${ALONE_BEFORE}(?:\\+?86[ -]?|0086[ -]?)?(1[3-9]\\d{9}|1[3-9]\\d([ -])\\d{4}\\2\\d{4})${ALONE_AFTER}`, 'g');
const CARD = new RegExp(`${ALONE_BEFORE}(\\d{16,19}|\\d{4}([ -])\\d{4}\\2\\d{4}\\2\\d{4,7})${ALONE_AFTER}`, 'g');
// W3C trace context: a span id is 16 hex digits, and one in 2000 is all decimal digits (SpanId/ParentId fields of
// .NET log scopes, nginx's traceparent=00-<trace id>-<span id>-01).
const SPAN_ID_BEFORE = /(?:span|parent)[_-]?id\W{0,4}$|\b00-[0-9a-f]{32}-$/i;
const ELEVEN_DIGITS = /\d{11}|\d{4}[ -]\d{4}[ -]\d{4}|1[3-9]\d[ -]\d{4}[ -]\d{4}/;

export function validBirthDate(year, month, day, now = new Date()) {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date <= now;
}

export function validIdNumber18(id) {
  if (!/^\d{17}[\dXx]$/.test(id) || !PROVINCES.has(Number(id.slice(0, 2)))) return false;
  if (!validBirthDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17].toUpperCase();
}

/** The pre-1999 form: region, yymmdd (19yy), three digits, no check digit. */
export function validIdNumber15(id) {
  return /^\d{15}$/.test(id) && PROVINCES.has(Number(id.slice(0, 2)))
    && validBirthDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}

export function luhnValid(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/** UnionPay (62), Visa (4), Mastercard (51–55, 2221–2720). */
export function cardIssuerPrefix(digits) {
  if (digits.startsWith('62') || digits.startsWith('4')) return true;
  const two = Number(digits.slice(0, 2)), four = Number(digits.slice(0, 4));
  return (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720);
}

export function validCardNumber(digits) {
  return /^\d{16,19}$/.test(digits) && cardIssuerPrefix(digits) && luhnValid(digits);
}

// Secrets must not be logged or sent either: bearer tokens (JWTs) and the values the stack is configured with
// (client secrets, passwords, signing and encryption keys), handed over by run.sh in PII_SCAN_SECRETS, one a line.
const JWT = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g;
const configuredSecrets = () => (process.env.PII_SCAN_SECRETS ?? '').split('\n').map((s) => s.trim()).filter((s) => s.length >= 8);

export function mask(kind, value) {
  if (kind === 'secret') return value.slice(0, 3) + '*'.repeat(8);
  if (kind === 'mobile') return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

// Percent-escapes decoded, so %2B8613800138000 or phone%3D13800138000 in a URL are seen with their separators.
function unescapeUrl(line) {
  return line.includes('%') ? line.replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))) : line;
}

/**
 * Every identifier in one line of text.
 * @returns {{kind: 'id-number'|'mobile'|'bank-card'|'secret', masked: string, column: number}[]}
 */
export function findIdentifiers(text) {
  const found = [];
  for (const m of text.matchAll(JWT)) found.push({ kind: 'secret', masked: mask('secret', m[0]), column: m.index + 1 });
  for (const secret of configuredSecrets()) {
    const at = text.indexOf(secret);
    if (at >= 0) found.push({ kind: 'secret', masked: mask('secret', secret), column: at + 1 });
  }
  if (!ELEVEN_DIGITS.test(text)) return found;
  const line = unescapeUrl(text);
  const taken = []; // [start, end) spans already reported, so one number is reported once, as its strongest kind
  const add = (kind, value, start, end) => {
    if (taken.some(([s, e]) => start < e && end > s)) return;
    taken.push([start, end]);
    found.push({ kind, masked: mask(kind, value), column: start + 1 });
  };
  for (const m of line.matchAll(ID18)) if (validIdNumber18(m[1])) add('id-number', m[1].toUpperCase(), m.index, m.index + m[0].length);
  for (const m of line.matchAll(CARD)) {
    const digits = m[1].replace(/[ -]/g, '');
    if (digits.length === 16 && SPAN_ID_BEFORE.test(line.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (validCardNumber(digits)) add('bank-card', digits, m.index, m.index + m[0].length);
  }
  for (const m of line.matchAll(ID15)) if (validIdNumber15(m[1])) add('id-number', m[1], m.index, m.index + m[0].length);
  for (const m of line.matchAll(MOBILE)) add('mobile', m[1].replace(/[ -]/g, ''), m.index, m.index + m[0].length);
  return found.sort((a, b) => a.column - b.column);
}
