import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { findIdentifiers } from './detect.mjs';

// Logs in $LOGS that are the runner's own, not the platform's: step output of ./platform (install, build, npm, web
// build, start-up) and the test runners' output, which legitimately holds test data.
const RUNNER_LOGS = [/^test(-node)?\.log$/, /^rubric-tests\.log$/, /^bench-.*\.log$/, /^(install|build|npm-tools|web|services|nginx)\.log$/,
  /-start\.log$/, /^pii-scan\.log$/];

/** The platform's own logs in a $LOGS folder: services, simulators, nginx, PostgreSQL, RabbitMQ, coturn. */
export function platformLogs(dir) {
  return readdirSync(dir)
    .filter((name) => /\.(log|out)$/.test(name) && !RUNNER_LOGS.some((r) => r.test(name)))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

async function* lines(path) {
  const input = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let number = 0;
  for await (const line of input) yield [++number, line];
}

function* identifiersIn(text, where) {
  const textLines = text.split(/\r?\n/);
  for (let i = 0; i < textLines.length; i++) {
    for (const f of findIdentifiers(textLines[i])) yield { ...f, where: textLines.length > 1 ? `${where} line ${i + 1}` : where };
  }
}

/** A plain text log: every line. */
export async function* scanLog(path) {
  for await (const [number, line] of lines(path)) {
    for (const f of findIdentifiers(line)) yield { ...f, where: `log ${basename(path)}:${number}:${f.column}` };
  }
}

/**
 * The test runner's output: only the lines that services started in-process by the tests logged themselves (their
 * JSON console lines); test names and assertions there hold test data on purpose.
 */
export async function* scanServiceLinesOf(path) {
  for await (const [number, line] of lines(path)) {
    if (!line.startsWith('{"Timestamp"') || !line.includes('"Category"')) continue;
    for (const f of findIdentifiers(line)) yield { ...f, where: `log ${basename(path)}:${number}:${f.column} (a service in a test)` };
  }
}

/** A table dumped as one row a line (run.sh: COPY (SELECT t::text ...)), named <database>.<table>.txt. */
export async function* scanTableDump(path) {
  for await (const [number, line] of lines(path)) {
    for (const f of findIdentifiers(line)) yield { ...f, where: `table ${basename(path, '.txt')} row ${number}` };
  }
}

function bodyText(payload, encoding) {
  if (payload === undefined || payload === null) return '';
  return encoding === 'base64' || encoding === undefined ? Buffer.from(String(payload), 'base64').toString('utf8') : String(payload);
}

/** One message as RabbitMQ shows it (a trace record, or a message got from a queue): its body and its properties. */
function* scanMessage(message, where) {
  const key = message.routing_key ?? message.routing_keys?.join(',') ?? '';
  const at = `${where} exchange "${message.exchange ?? ''}" key "${key}"`;
  yield* identifiersIn(bodyText(message.payload, message.payload_encoding ?? (message.type ? 'base64' : undefined)), `${at} body`);
  if (message.properties) yield* identifiersIn(JSON.stringify(message.properties), `${at} properties`);
}

/**
 * A rabbitmq_tracing file in its json format: one record a line, the body base64 in "payload".
 */
export async function* scanTrace(path) {
  for await (const [number, line] of lines(path)) {
    if (!line.trim()) continue;
    let record;
    try { record = JSON.parse(line); } catch { yield* identifiersIn(line, `trace ${basename(path)}:${number}`); continue; }
    yield* scanMessage(record, `trace ${basename(path)}:${number}`);
  }
}

/** Messages got from a queue through the management API (POST /api/queues/{vhost}/{queue}/get), saved as JSON. */
export async function* scanQueueDump(path) {
  const { readFile } = await import('node:fs/promises');
  const messages = JSON.parse(await readFile(path, 'utf8'));
  for (let i = 0; i < messages.length; i++) {
    yield* scanMessage({ ...messages[i], payload_encoding: messages[i].payload_encoding ?? 'string' },
      `queue ${basename(path, '.json')} message ${i + 1}`);
  }
}
