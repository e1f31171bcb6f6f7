import crypto from 'node:crypto';
import { configFromEnv } from '../src/config.mjs';
import { createInsuranceSimulator } from '../src/app.mjs';
import { sign, stringToSign } from '../src/auth.mjs';

/** Starts a simulator on a free port and gives a signing client for it, the way the hospital's Payment service calls it. */
export async function startSimulator(env = {}) {
  const config = configFromEnv({ INSURANCE_PORT: '0', ...env });
  const simulator = createInsuranceSimulator(config);
  const port = await simulator.start();
  const base = `http://127.0.0.1:${port}`;

  /** `overrides`: appId, secret, timestamp, nonce, signedPath, signedBody, omit (no auth headers), signal. */
  async function api(method, path, body, overrides = {}) {
    const text = body === undefined ? '' : JSON.stringify(body);
    const timestamp = String(overrides.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = overrides.nonce ?? crypto.randomUUID();
    const signature = sign(overrides.secret ?? config.appSecret,
      stringToSign(method, overrides.signedPath ?? path, timestamp, nonce, overrides.signedBody ?? text));
    const headers = {
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...(overrides.omit ? {} : { 'x-app-id': overrides.appId ?? config.appId, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature }),
    };
    const res = await fetch(base + path, { method, headers, body: text || undefined, signal: overrides.signal });
    const raw = await res.text();
    return { status: res.status, json: raw && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(raw) : undefined };
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

  /** The patient taps 授权 (or 拒绝) on the ec page; answers the redirect Location. */
  async function authorize(simUser = 'patient', decision = 'approve', state = 'st-1') {
    const form = new URLSearchParams({ redirect_uri: 'https://hospital.example/pay/ec-callback', state, sim_user: simUser, decision });
    const res = await fetch(`${base}/auth/ec/decision`, { method: 'POST', body: form, redirect: 'manual' });
    await res.text();
    return new URL(res.headers.get('location'));
  }

  /** An ec token exchanged for the insured person, as the hospital does before 预结算. */
  async function insured(simUser = 'patient') {
    const location = await authorize(simUser);
    return (await api('POST', '/api/v1/ec/verify', { ecToken: location.searchParams.get('ec_token') })).json;
  }

  return { config, base, api, control, authorize, insured, stop: () => simulator.stop() };
}

/** Polls `probe` until it returns something truthy; fails after `timeoutMs`. */
export async function eventually(probe, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let sequence = 0;
/** An outpatient bill: registration 15.00, a drug 88.88, a blood test 45.67, a CT 333.33 (482.88 in all). */
export function preRequest(insuredId, overrides = {}) {
  sequence += 1;
  const items = [
    { code: 'GH-001', name: '普通门诊挂号费', category: 'registration', amountFen: 1500 },
    { code: 'YP-0001', name: '阿莫西林胶囊', category: 'drug', amountFen: 8888 },
    { code: 'JY-0101', name: '血常规', category: 'lab', amountFen: 4567 },
    { code: 'JC-0201', name: '胸部CT平扫', category: 'exam', amountFen: 33333 },
  ];
  return { bizNo: `BILL${Date.now()}${String(sequence).padStart(4, '0')}`, insuredId, items, totalFen: 48288, ...overrides };
}
