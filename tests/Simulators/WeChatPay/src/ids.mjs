import crypto from 'node:crypto';
import { compactShanghai } from './time.mjs';

const digits = (n) => Array.from(crypto.randomBytes(n), (b) => b % 10).join('');

/** wx + Beijing yyyyMMddHHmmss + 20 hex: the 36-character shape of a real prepay_id. */
export const newPrepayId = () => `wx${compactShanghai()}${crypto.randomBytes(10).toString('hex')}`;

/** 28 digits starting 4200, with the Beijing date in the middle, like WeChat Pay's transaction ids. */
export const newTransactionId = () => `4200${digits(6)}${compactShanghai().slice(0, 8)}${digits(10)}`;

/** 29 digits starting 50, like WeChat Pay's refund ids. */
export const newRefundId = () => `50${digits(7)}${compactShanghai().slice(0, 8)}${digits(12)}`;

export const newCodeToken = () => crypto.randomBytes(12).toString('base64url');

/** Openids are per app and stable per simulated user, derived as the WeChat simulator derives them. */
export const openIdFor = (appId, name) =>
  `o${crypto.createHash('sha256').update(`${appId}:${name}`).digest('base64url').slice(0, 27)}`;
