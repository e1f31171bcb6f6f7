#!/usr/bin/env node
// Scans what a test run left behind for personal identifiers and prints every finding masked, never in clear.
//   node scan.mjs [--logs DIR] [--traces DIR] [--queues DIR] [--tables DIR] [--text FILE_OR_DIR]...
//   --logs: the platform's logs in $LOGS (the runners' own logs are skipped); --traces: rabbitmq_tracing json files;
//   --queues: JSON dumps of queues (management API "get"); --tables: <db>.<table>.txt dumps, a row a line;
//   --service-lines-of: the test runner's log, of which only the JSON lines that in-process services logged;
//   --text: any other text.
// Exit code 1 when anything is found, 2 on bad usage or a source that cannot be read.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { platformLogs, scanLog, scanQueueDump, scanServiceLinesOf, scanTableDump, scanTrace } from './src/sources.mjs';

const filesIn = (path) => statSync(path).isDirectory()
  ? readdirSync(path).map((n) => join(path, n)).filter((p) => statSync(p).isFile()).sort()
  : [path];

function parse(args) {
  const jobs = [];
  for (let i = 0; i < args.length; i += 2) {
    const [flag, path] = [args[i], args[i + 1]];
    if (!path) throw new Error(`${flag} needs a path`);
    if (!existsSync(path)) { jobs.push({ kind: flag, files: [] }); continue; } // nothing left behind: nothing to scan
    if (flag === '--logs') jobs.push({ kind: flag, files: platformLogs(path), scan: scanLog });
    else if (flag === '--traces') jobs.push({ kind: flag, files: filesIn(path), scan: scanTrace });
    else if (flag === '--queues') jobs.push({ kind: flag, files: filesIn(path).filter((p) => p.endsWith('.json')), scan: scanQueueDump });
    else if (flag === '--tables') jobs.push({ kind: flag, files: filesIn(path).filter((p) => p.endsWith('.txt')), scan: scanTableDump });
    else if (flag === '--service-lines-of') jobs.push({ kind: flag, files: filesIn(path), scan: scanServiceLinesOf });
    else if (flag === '--text') jobs.push({ kind: flag, files: filesIn(path), scan: scanLog });
    else throw new Error(`unknown option ${flag}`);
  }
  return jobs;
}

let jobs;
try { jobs = parse(process.argv.slice(2)); } catch (e) { console.error(`pii-scan: ${e.message}`); process.exit(2); }

let findings = 0, files = 0;
const perFile = new Map();
for (const job of jobs) {
  for (const file of job.files) {
    files++;
    for await (const f of job.scan(file)) {
      findings++;
      const shown = perFile.get(file) ?? 0;
      perFile.set(file, shown + 1);
      // A flooded log would drown the rest: the first 20 findings of each file, then a count.
      if (shown < 20) console.log(`not ok ${f.kind} ${f.masked} in ${f.where}`);
    }
  }
}
for (const [file, count] of perFile) if (count > 20) console.log(`# ${relative(process.cwd(), file)}: ${count - 20} more findings not shown`);
console.log(`# pii-scan: ${files} files scanned, ${findings} personal identifiers or secrets found`);
console.log(findings === 0 ? '# pass 1' : '# fail 1');
process.exit(findings === 0 ? 0 : 1);
