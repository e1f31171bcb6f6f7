import { matchesSearchRequest, parseSearchRequest, Operator } from '@medplum/core';

/** R4 rest-hook subscriptions: a matching create/update POSTs the resource (or an empty ping) to channel.endpoint. */
export function createSubscriptionNotifier({ repo, delivery }) {
  repo.onChange((event) => {
    if (event.action === 'delete' || event.resource.resourceType === 'Subscription') {
      return;
    }
    notify(event).catch((err) => console.error('subscription notify failed', err));
  });

  async function notify(event) {
    const subscriptions = await repo.searchResources({
      resourceType: 'Subscription',
      filters: [{ code: 'status', operator: Operator.EQUALS, value: 'active' }],
      count: 1000,
    });
    for (const sub of subscriptions) {
      let criteria;
      try {
        criteria = parseSearchRequest(sub.criteria);
      } catch {
        continue;
      }
      if (criteria.resourceType !== event.resource.resourceType || !matchesSearchRequest(event.resource, criteria)) {
        continue;
      }
      deliver(sub, event);
    }
  }

  async function deliver(sub, event) {
    const headers = {
      'X-Subscription-Id': sub.id,
      'X-Subscription-Event': event.action,
      'X-Resource-Reference': `${event.resource.resourceType}/${event.resource.id}`,
    };
    for (const line of sub.channel.header ?? []) {
      const sep = line.indexOf(':');
      headers[line.slice(0, sep).trim()] = line.slice(sep + 1).trim();
    }
    let body;
    if (sub.channel.payload) {
      headers['Content-Type'] = `${sub.channel.payload}; charset=utf-8`;
      body = JSON.stringify(event.resource);
    }
    const record = await delivery.post(`subscription:${sub.id}`, sub.channel.endpoint, body, headers);
    if (!record.delivered) {
      const last = record.attempts.at(-1);
      await repo.touch('Subscription', sub.id, (s) => {
        s.error = `通知 ${record.url} 失败（${last?.status ?? last?.error}），已重试 ${record.attempts.length} 次`;
      }).catch(() => undefined);
    }
  }
}
