import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, readDotnetAudit, readExceptions, readNpmAudit } from '../audit.mjs';

test('a registry that does not serve the audit endpoint is reported as not checked, never as clean', () => {
  const refused = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
    statusCode: 405, headers: { allow: ['GET,HEAD'] }, error: { summary: '', detail: '' } });
  assert.deepEqual(readNpmAudit('gateway/web', refused),
    { unavailable: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk (Allow: GET,HEAD)' });
});

test('npm findings: one row per advisory, and packages vulnerable only through another named by it', () => {
  const report = JSON.stringify({ auditReportVersion: 2, vulnerabilities: {
    vite: { name: 'vite', severity: 'high', range: '5.0.0 - 5.4.5', via: [{ source: 1099, url: 'https://github.com/advisories/GHSA-x', severity: 'high' }] },
    'plugin-x': { name: 'plugin-x', severity: 'high', range: '*', via: ['vite'] },
  } });
  assert.deepEqual(readNpmAudit('gateway/web', report).findings, [
    { ecosystem: 'npm', project: 'gateway/web', pkg: 'vite', range: '5.0.0 - 5.4.5', severity: 'high', advisory: 'https://github.com/advisories/GHSA-x' },
    { ecosystem: 'npm', project: 'gateway/web', pkg: 'plugin-x', severity: 'high', advisory: 'via vite' },
  ]);
});

test('NuGet findings from dotnet list package --vulnerable --format json, top-level and transitive', () => {
  const report = JSON.stringify({ version: 1, projects: [{ path: '/r/services/X/X.API/X.API.csproj', frameworks: [{ framework: 'net10.0',
    topLevelPackages: [{ id: 'A', resolvedVersion: '1.0.0', vulnerabilities: [{ severity: 'Critical', advisoryurl: 'https://adv/a' }] }],
    transitivePackages: [{ id: 'B', resolvedVersion: '2.0.0', vulnerabilities: [{ severity: 'Moderate', advisoryurl: 'https://adv/b' }] }] }] },
  { path: '/r/tests/Y.csproj' }] });
  const { findings, projects } = readDotnetAudit(report);
  assert.equal(projects, 2);
  assert.deepEqual(findings.map((f) => `${f.project} ${f.pkg} ${f.severity} ${f.advisory}`),
    ['X.API A@1.0.0 critical https://adv/a', 'X.API B@2.0.0 moderate https://adv/b']);
});

test('an exception explains a finding of its ecosystem, project and package only', () => {
  const exceptions = readExceptions('# comment\nnpm\ttests/Benchmarks/push\tws\t*\tbenchmark tool, never deployed\n');
  const finding = { ecosystem: 'npm', project: 'tests/Benchmarks/push', pkg: 'ws', advisory: 'https://adv' };
  assert.equal(explain(finding, exceptions), 'benchmark tool, never deployed');
  assert.equal(explain({ ...finding, project: 'gateway/web' }, exceptions), '');
  assert.equal(explain({ ...finding, ecosystem: 'nuget' }, exceptions), '');
});
