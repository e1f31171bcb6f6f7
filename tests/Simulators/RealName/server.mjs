import { createRealNameSimulator } from './src/app.mjs';

const sim = createRealNameSimulator({ secret: process.env.REALNAME_SECRET || 'realname-dev-secret' });
const port = await sim.start(Number(process.env.PORT ?? 5303), process.env.HOST || '127.0.0.1');
console.log(`Real-name verification simulator listening on http://127.0.0.1:${port} (POST /verify/id-card|bank-card|social-security)`);

const shutdown = async () => {
  await sim.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
