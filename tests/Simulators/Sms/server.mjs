import { createSmsSimulator } from './src/app.mjs';

const sim = createSmsSimulator({ apiKey: process.env.SMS_API_KEY || 'sms-dev-key' });
const port = await sim.start(Number(process.env.PORT ?? 5302), process.env.HOST || '127.0.0.1');
console.log(`SMS simulator listening on http://127.0.0.1:${port} (POST /sms/send, GET /$sim/messages?phone=)`);

const shutdown = async () => {
  await sim.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
