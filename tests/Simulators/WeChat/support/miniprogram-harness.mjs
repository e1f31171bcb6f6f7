import { startSimulator } from './harness.mjs';
import { miniProgramConfigFromEnv } from '../src/miniprogram-config.mjs';
import { installMiniProgramSubscribe } from '../src/miniprogram-subscribe.mjs';

/** The simulator as server.mjs runs it, with the mini-program's subscribe messages registered. */
export async function startWithMiniProgram(overrides = {}) {
  const sim = await startSimulator(overrides);
  const miniProgram = miniProgramConfigFromEnv({});
  const mp = installMiniProgramSubscribe(sim.simulator, sim.config, miniProgram);
  const token = async () => (await sim.call('POST', '/cgi-bin/stable_token', {
    grant_type: 'client_credential', appid: miniProgram.appId, secret: miniProgram.appSecret,
  })).json.access_token;
  return { ...sim, miniProgram, mp, token };
}
