const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** RFC 3339 in Beijing time, the way WeChat Pay writes success_time: 2026-12-06T10:34:56+08:00. */
export const rfc3339 = (date = new Date()) => `${new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;

/** yyyy-MM-dd HH:mm:ss in Beijing time, as the trade bill writes it. */
export const billTime = (date) => new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

export const shanghaiDate = (date = new Date()) => new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export const compactShanghai = (date = new Date()) => new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace(/\D/g, '');
