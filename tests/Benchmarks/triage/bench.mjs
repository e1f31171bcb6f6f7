// Runs every labelled complaint through POST /api/triage/assessments and scores the answers the way a triage nurse's
// labels ask: top-1 / top-3 (the case's acceptable departments), emergency recall and false flags on non-urgent cases.
// Usage: node bench.mjs <cases.json> <triage base url, e.g. http://127.0.0.1:8080/api/triage>
import { readFileSync } from 'node:fs';

const [casesFile, baseUrl] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
const verbose = process.env.VERBOSE === '1';
let top1 = 0, top3 = 0, emergencies = 0, flagged = 0, calm = 0, falseFlags = 0, failures = 0;
const misses = [];
const started = performance.now();
for (const c of cases) {
  const res = await fetch(`${baseUrl.replace(/\/$/, '')}/assessments`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ age: c.age, sex: c.sex, bodyPart: c.bodyPart, complaint: c.complaint }),
  });
  if (!res.ok) { failures++; misses.push(`#${c.id} HTTP ${res.status} ${await res.text()}`); continue; }
  const answer = await res.json();
  const names = answer.departments.map(d => d.name);
  const hit1 = c.expected.includes(names[0]);
  const hit3 = names.slice(0, 3).some(n => c.expected.includes(n));
  top1 += hit1; top3 += hit3;
  if (c.emergency) { emergencies++; flagged += answer.emergency; } else { calm++; falseFlags += answer.emergency; }
  if (!hit3 || answer.emergency !== c.emergency || (verbose && !hit1))
    misses.push(`#${c.id} [${c.group}] ${c.age}${c.sex} ${c.bodyPart} 「${c.complaint}」 expected ${c.expected.join('/')}${c.emergency ? ' +急' : ''}`
      + ` got ${names.slice(0, 3).join(', ')}${answer.emergency ? ' +急' : ''} (${answer.symptoms.map(s => s.name).join('、')})`);
}
const pct = (n, d) => d === 0 ? 'n/a' : `${(100 * n / d).toFixed(1)} %`;
if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
console.log(`cases: ${cases.length} (${emergencies} emergencies, ${calm} non-urgent), ${(performance.now() - started).toFixed(0)} ms`);
console.log(`top-1 accuracy: ${pct(top1, cases.length)} (${top1}/${cases.length})`);
console.log(`top-3 accuracy: ${pct(top3, cases.length)} (${top3}/${cases.length})`);
console.log(`emergency recall: ${pct(flagged, emergencies)} (${flagged}/${emergencies})`);
console.log(`non-urgent false flags: ${pct(falseFlags, calm)} (${falseFlags}/${calm})`);
const ok = failures === 0 && top3 / cases.length >= 0.9 && flagged === emergencies && falseFlags / calm <= 0.05;
process.exit(ok ? 0 : 1);
