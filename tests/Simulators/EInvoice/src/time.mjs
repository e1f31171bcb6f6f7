const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** RFC 3339 in Beijing time: 2026-12-06T10:34:56+08:00. */
export const rfc3339 = (date = new Date()) => `${new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;

/** yyyy-MM-dd HH:mm:ss in Beijing time, as printed on the receipt. */
export const printedTime = (value) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
};
