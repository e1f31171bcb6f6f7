#!/usr/bin/env node
// ./platform audit: known vulnerabilities in the NuGet packages of Platform.sln and the npm packages of every folder with a
// package-lock.json; prints one table and exits 1 on a high or critical finding that exceptions.tsv does not explain,
// 3 when a source of advisories could not be asked (then nothing was checked there, and the table says why).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = process.env.ROOT ?? join(HERE, '../../..');
const SEVERE = new Set(['high', 'critical']);

export function readExceptions(text) {
  return text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [ecosystem, project, pkg, advisory, reason] = l.split('\t');
    return { ecosystem, project, pkg, advisory, reason };
  });
}

export function explain(finding, exceptions) {
  const e = exceptions.find((x) => x.ecosystem === finding.ecosystem && (x.project === '*' || x.project === finding.project)
    && x.pkg === finding.pkg && (x.advisory === '*' || x.advisory === finding.advisory));
  return e?.reason ?? '';
}

async function capture(cmd, args, cwd) {
  try { const r = await run(cmd, args, { cwd, maxBuffer: 256 * 1024 * 1024 }); return { code: 0, ...r }; }
  catch (e) { return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(e) }; }
}

/** npm audit --json of one folder: findings, or why the registry could not be asked. */
export function readNpmAudit(project, json) {
  const report = JSON.parse(json);
  if (report.error || report.message) {
    const allow = report.headers?.allow ? ` (Allow: ${[].concat(report.headers.allow).join(',')})` : '';
    return { unavailable: `${report.message ?? report.error.summary}${allow}` };
  }
  const findings = [];
  for (const [pkg, v] of Object.entries(report.vulnerabilities ?? {})) {
    const advisories = v.via.filter((x) => typeof x === 'object');
    // A package vulnerable only through another (via: ["name"]) is listed under that one's advisory.
    for (const a of advisories) {
      findings.push({ ecosystem: 'npm', project, pkg, range: v.range, severity: a.severity, advisory: a.url ?? String(a.source) });
    }
    if (advisories.length === 0) findings.push({ ecosystem: 'npm', project, pkg, severity: v.severity, advisory: `via ${v.via.join(', ')}` });
  }
  return { findings };
}

/** dotnet list package --vulnerable --format json: findings over every project of the solution. */
export function readDotnetAudit(json) {
  const report = JSON.parse(json);
  const findings = [];
  for (const p of report.projects ?? []) {
    for (const f of p.frameworks ?? []) {
      for (const pkg of [...(f.topLevelPackages ?? []), ...(f.transitivePackages ?? [])]) {
        for (const v of pkg.vulnerabilities ?? []) {
          findings.push({ ecosystem: 'nuget', project: basename(p.path, '.csproj'), pkg: `${pkg.id}@${pkg.resolvedVersion}`,
            severity: String(v.severity).toLowerCase(), advisory: v.advisoryurl });
        }
      }
    }
  }
  return { findings, projects: (report.projects ?? []).length };
}

// dotnet answers "no vulnerable packages" also when no source serves advisories: ask the sources themselves.
async function nugetAdvisorySources() {
  const { stdout } = await capture('dotnet', ['nuget', 'list', 'source', '--format', 'short'], ROOT);
  const urls = stdout.split('\n').map((l) => l.trim().split(/\s+/)[1]).filter((u) => u?.startsWith('http'));
  const checked = [];
  for (const url of urls) {
    try {
      const index = await (await fetch(url)).json();
      checked.push({ url, serves: index.resources.some((r) => String(r['@type']).startsWith('VulnerabilityInfo')) });
    } catch (e) { checked.push({ url, serves: false, error: e.message }); }
  }
  return checked;
}

async function auditNuget() {
  const sources = await nugetAdvisorySources();
  if (!sources.some((s) => s.serves)) {
    return { rows: [], unavailable: [{ ecosystem: 'nuget', project: 'Platform.sln', reason:
      `no package source serves vulnerability data (no VulnerabilityInfo resource in ${sources.map((s) => s.url).join(', ') || 'any source'}), so "dotnet list package --vulnerable" would report every package clean without having checked it` }] };
  }
  const r = await capture('dotnet', ['list', join(ROOT, 'Platform.sln'), 'package', '--vulnerable', '--include-transitive', '--format', 'json'], ROOT);
  if (r.code !== 0) return { rows: [], unavailable: [{ ecosystem: 'nuget', project: 'Platform.sln', reason: `dotnet list package failed: ${r.stderr.trim().split('\n').pop()}` }] };
  const { findings } = readDotnetAudit(r.stdout);
  return { rows: findings, unavailable: [], clean: findings.length ? [] : [{ ecosystem: 'nuget', project: 'Platform.sln' }] };
}

async function lockFolders() {
  const { stdout } = await capture('find', ['tests', 'gateway', '-name', 'package-lock.json', '-not', '-path', '*/node_modules/*'], ROOT);
  return stdout.split('\n').filter(Boolean).map((p) => dirname(p)).sort();
}

async function auditNpm() {
  const rows = [], unavailable = [], clean = [];
  for (const folder of await lockFolders()) {
    const r = await capture('npm', ['audit', '--json', '--package-lock-only'], join(ROOT, folder));
    let result;
    try { result = readNpmAudit(folder, r.stdout); } catch { result = { unavailable: (r.stderr || r.stdout).trim().split('\n').pop() }; }
    if (result.unavailable) unavailable.push({ ecosystem: 'npm', project: folder, reason: `npm audit: ${result.unavailable}` });
    else if (result.findings.length === 0) clean.push({ ecosystem: 'npm', project: folder });
    else rows.push(...result.findings);
  }
  return { rows, unavailable, clean };
}

function table(rows) {
  const head = ['ecosystem', 'project', 'package', 'severity', 'advisory', 'explained'];
  const widths = head.map((h, i) => Math.min(70, Math.max(h.length, ...rows.map((r) => String(r[i]).length))));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main() {
  const exceptions = readExceptions(readFileSync(join(HERE, 'exceptions.tsv'), 'utf8'));
  const [nuget, npm] = await Promise.all([auditNuget(), auditNpm()]);
  const findings = [...nuget.rows, ...npm.rows].map((f) => ({ ...f, reason: explain(f, exceptions) }));
  const unavailable = [...nuget.unavailable, ...npm.unavailable];
  const rows = [
    ...findings.map((f) => [f.ecosystem, f.project, f.range ? `${f.pkg} ${f.range}` : f.pkg, f.severity, f.advisory, f.reason ? `yes: ${f.reason}` : 'no']),
    ...unavailable.map((u) => [u.ecosystem, u.project, '-', '-', 'NOT CHECKED', 'no']),
    ...[...(nuget.clean ?? []), ...npm.clean].map((c) => [c.ecosystem, c.project, '(none)', '-', '-', '-']),
  ];
  console.log(table(rows));
  for (const u of unavailable) console.log(`NOT CHECKED ${u.ecosystem} ${u.project}: ${u.reason}`);
  const unexplained = findings.filter((f) => SEVERE.has(f.severity) && !f.reason);
  console.log(`audit: ${findings.length} findings, ${unexplained.length} high/critical unexplained, ${unavailable.length} projects not checked`);
  process.exit(unexplained.length > 0 ? 1 : unavailable.length > 0 ? 3 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
