import { configFromEnv } from '../src/config.mjs';
import { createWeChatSimulator } from '../src/app.mjs';

export async function startSimulator(overrides = {}) {
  const config = { ...configFromEnv({}), port: 0, ...overrides };
  const simulator = createWeChatSimulator(config);
  const port = await simulator.start();
  const root = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(`${root}${path}`, {
      method,
      redirect: 'manual',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
    return { status: response.status, headers: response.headers, json, text };
  };
  return { config, simulator, root, call, stop: () => simulator.stop() };
}

export async function stableToken(sim, force = false) {
  const { json } = await sim.call('POST', '/cgi-bin/stable_token', {
    grant_type: 'client_credential', appid: sim.config.appId, secret: sim.config.appSecret, force_refresh: force,
  });
  return json;
}
