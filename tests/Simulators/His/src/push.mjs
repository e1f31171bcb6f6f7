import { createHmac, randomUUID } from 'node:crypto';
import { HttpError } from './http-util.mjs';
import { PUSH_EVENTS } from './push-events.mjs';

/** The signature a receiver recomputes: "sha256=" + hex(HMAC-SHA256(secret, raw body bytes)). */
export function signBody(secret, body) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function createPusher({ repo, delivery, pushUrl, pushSecret, withWriteLock }) {
  return async function push(input) {
    const type = input?.type;
    const build = PUSH_EVENTS[type];
    if (!build) {
      throw new HttpError(400, 'value', `未知事件类型 "${type}"，可选：${Object.keys(PUSH_EVENTS).join(', ')}`);
    }
    const target = input.url ?? pushUrl;
    if (!target) {
      throw new HttpError(409, 'business-rule', '未配置推送地址（HIS_PUSH_URL）');
    }
    const data = await withWriteLock(() => repo.withTransaction(() => build(repo, input)));
    const event = {
      id: randomUUID(),
      type,
      occurredAt: new Date().toISOString(),
      source: 'JCSY-HIS',
      hospital: 'Organization/org-jcsy',
      data,
    };
    const body = JSON.stringify(event);
    const record = await delivery.post(`push:${type}`, target, body, {
      'Content-Type': 'application/json; charset=utf-8',
      'X-His-Event': type,
      'X-His-Delivery': event.id,
      'X-His-Signature': signBody(pushSecret, body),
    });
    return { event, delivered: record.delivered, attempts: record.attempts, url: target };
  };
}
