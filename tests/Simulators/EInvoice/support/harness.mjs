import crypto from 'node:crypto';
import { configFromEnv } from '../src/config.mjs';
import { createEInvoiceSimulator } from '../src/app.mjs';
import { sign, stringToSign } from '../src/auth.mjs';

/** Starts a simulator on a free port and gives a signing client for it, the way the Payment service calls it. */
export async function startSimulator(env = {}) {
  const config = configFromEnv({ EINVOICE_PORT: '0', ...env });
  const simulator = createEInvoiceSimulator(config);
  const port = await simulator.start();
  const base = `http://127.0.0.1:${port}`;

  /** `overrides`: appId, secret, timestamp, nonce, signedPath, signedBody, omit (no auth headers), headers. */
  async function api(method, path, body, overrides = {}) {
    const text = body === undefined ? '' : JSON.stringify(body);
    const timestamp = String(overrides.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = overrides.nonce ?? crypto.randomUUID();
    const signature = sign(overrides.secret ?? config.appSecret,
      stringToSign(method, overrides.signedPath ?? path, timestamp, nonce, overrides.signedBody ?? text));
    const headers = {
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...(overrides.omit ? {} : { 'x-app-id': overrides.appId ?? config.appId, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature }),
      ...overrides.headers,
    };
    const res = await fetch(base + path, { method, headers, body: text || undefined });
    const bytes = Buffer.from(await res.arrayBuffer());
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, headers: res.headers, bytes, json: isJson && bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined };
  }

  async function control(method, path, body) {
    const res = await fetch(base + path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, text, json: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined };
  }

  return { config, base, api, control, stop: () => simulator.stop() };
}

let sequence = 0;
/** A paid outpatient bill of 50.00 yuan, unique per call. */
export function issueRequest(overrides = {}) {
  sequence += 1;
  return {
    bizNo: `PAY${Date.now()}${String(sequence).padStart(4, '0')}`,
    payerName: '张*',
    payerPartyType: '个人',
    category: '门诊',
    items: [{ name: '西药费', amountFen: 3000, quantity: 1 }, { name: '检查费', amountFen: 2000, quantity: 2 }],
    totalFen: 5000,
    paidAt: '2026-12-06T10:30:00+08:00',
    payChannel: '微信支付',
    transactionId: `42000000012026120600${String(sequence).padStart(8, '0')}`,
    ...overrides,
  };
}

export const invoicePath = (invoice, suffix = '') => `/api/v1/invoices/${invoice.invoiceCode}/${invoice.invoiceNo}${suffix}`;
