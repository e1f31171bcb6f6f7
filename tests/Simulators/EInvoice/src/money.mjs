const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '兆'];

/** 5000 → "50.00"; negative for red invoices. */
export const yuan = (fen) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

function integerWords(n) {
  const text = String(n);
  let out = '';
  let zeros = 0;
  for (let i = 0; i < text.length; i += 1) {
    const digit = Number(text[i]);
    const position = text.length - i - 1;
    if (digit === 0) {
      zeros += 1;
    } else {
      if (zeros > 0) out += DIGITS[0];
      zeros = 0;
      out += DIGITS[digit] + SMALL_UNITS[position % 4];
    }
    if (position % 4 === 0 && zeros < 4) out += BIG_UNITS[position / 4];
  }
  return out;
}

/** The amount in Chinese capitals as financial documents print it: 5000 → 伍拾元整, 1005030 → 壹万零伍拾元叁角. */
export function capitals(fen) {
  const sign = fen < 0 ? '负' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const cents = abs % 10;
  if (abs === 0) return '零元整';
  let out = whole > 0 ? `${integerWords(whole)}元` : '';
  if (jiao === 0 && cents === 0) return `${sign}${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (whole > 0) out += DIGITS[0];
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return sign + out;
}
