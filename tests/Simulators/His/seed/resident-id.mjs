const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** GB 11643-1999 check character for the first 17 digits of a resident identity number. */
export function residentIdCheckChar(first17) {
  if (!/^\d{17}$/.test(first17)) {
    throw new Error('expected 17 digits');
  }
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARS[sum % 11];
}

export function isValidResidentId(id) {
  return /^\d{17}[\dX]$/.test(id) && residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** The 17th digit is odd for men and even for women. */
export function makeResidentId(areaCode, birthDate, sequence, gender) {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (gender === 'male')) {
    seq = (seq + 1) % 1000;
  }
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
