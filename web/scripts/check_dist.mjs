#!/usr/bin/env node
// Checks the built UI against the server's Content-Security-Policy: no inline <script> or <style>, no style=""
// attributes, no inline event handlers, no eval-style code, and no URLs of other origins in index.html.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const problems = [];
const html = readFileSync(join(dist, 'index.html'), 'utf8');

for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (!/\bsrc=/.test(match[1]) || match[2].trim()) problems.push('index.html: inline <script>');
}
if (/<style\b/i.test(html)) problems.push('index.html: inline <style>');
if (/\sstyle=/i.test(html)) problems.push('index.html: style attribute');
if (/\son[a-z]+=/i.test(html)) problems.push('index.html: inline event handler');
if (/(src|href)="(https?:)?\/\//i.test(html))
  problems.push('index.html: resource from another origin');

for (const name of readdirSync(join(dist, 'assets'))) {
  if (!name.endsWith('.js')) continue;
  const code = readFileSync(join(dist, 'assets', name), 'utf8');
  if (/\bnew Function\(|\beval\(/.test(code))
    problems.push(`${name}: eval or new Function (blocked by script-src 'self')`);
}

if (problems.length) {
  console.error(`dist check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('dist check: index.html and assets are compatible with the CSP');
