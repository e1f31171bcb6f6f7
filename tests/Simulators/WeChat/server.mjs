import { configFromEnv } from './src/config.mjs';
import { createWeChatSimulator } from './src/app.mjs';
import { miniProgramConfigFromEnv } from './src/miniprogram-config.mjs';
import { installMiniProgramSubscribe } from './src/miniprogram-subscribe.mjs';

const config = configFromEnv();
const simulator = createWeChatSimulator(config);
installMiniProgramSubscribe(simulator, config, miniProgramConfigFromEnv());
const port = await simulator.start();
console.log(`WeChat simulator listening on http://${config.host}:${port} (appid ${config.appId}, ${config.mode} mode)`);
console.log(`callbacks go to ${config.gatewayUrl}/wechat/callback`);

const shutdown = async () => {
  await simulator.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
