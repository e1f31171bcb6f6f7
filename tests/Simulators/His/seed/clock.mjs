/** Asia/Shanghai has no daylight saving: a fixed +08:00 offset is exact. */
const OFFSET_MS = 8 * 3600 * 1000;

export function shanghaiDate(instant = new Date()) {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday */
export function weekday(date) {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function localDateTime(date, hhmm) {
  return `${date}T${hhmm}:00+08:00`;
}

export function instant(date, hhmm) {
  return new Date(localDateTime(date, hhmm)).toISOString();
}

export function addMinutes(hhmm, minutes) {
  const [h, m] = hhmm.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function compact(date) {
  return date.replaceAll('-', '');
}
