#!/usr/bin/env node
// Homeward API scenario runner. No npm dependencies: Node 20's fetch, child_process and crypto only.
//
//   node tests/api/run.mjs --bin build/homeward [--db sqlite|postgresql://...] [options] [FILTER...]
//
// Creates a fresh data dir, `homeward init`s it with a known admin password, starts `homeward serve` on a
// free 127.0.0.1 port, runs every tests/api/<feature>/*.test file (format: tests/api/README.md), stops the
// server with SIGTERM, runs `homeward audit verify` and prints `api[DB]: N passed, N failed`.
// Exit status: 0 when everything passed, 1 on any failure, 2 on bad usage.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SANITIZER_RE = /ERROR: (AddressSanitizer|LeakSanitizer|ThreadSanitizer)|runtime error: |SUMMARY: UndefinedBehaviorSanitizer/;

// ---------------------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const o = {
    bin: null, db: 'sqlite', dir: HERE, filters: [], keep: false, verbose: false, url: null, data: null,
    label: null, createDb: true, timeoutMs: 15000, robustness: true, tamper: true, selfTest: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--bin': o.bin = next(); break;
      case '--db': o.db = next(); break;
      case '--dir': o.dir = next(); break;
      case '--keep': o.keep = true; break;
      case '-v': case '--verbose': o.verbose = true; break;
      case '--url': o.url = next().replace(/\/+$/, ''); break;
      case '--data': o.data = next(); break;
      case '--label': o.label = next(); break;
      case '--no-create-db': o.createDb = false; break;
      case '--no-robustness': o.robustness = false; break;
      case '--no-tamper': o.tamper = false; break;
      case '--timeout': o.timeoutMs = Number(next()) * 1000; break;
      case '--self-test': o.selfTest = true; break;
      case '--check': o.check = true; break;
      case '-h': case '--help': usage(); break;
      default:
        if (a.startsWith('-')) usage(`unknown option ${a}`);
        o.filters.push(a);
    }
  }
  if (!o.selfTest && !o.check && !o.bin && !o.url) usage('give --bin PATH (or --url of a running server)');
  if (o.db !== 'sqlite' && !/^postgres(ql)?:\/\//.test(o.db)) usage('--db is sqlite or postgresql://...');
  o.dbKind = o.db === 'sqlite' ? 'sqlite' : 'postgresql';
  o.label = o.label || `api[${o.dbKind}]`;
  return o;
}

function usage(msg) {
  if (msg) console.error(`run.mjs: ${msg}`);
  console.error(`usage: node tests/api/run.mjs --bin build/homeward [--db sqlite|postgresql://...] [FILTER...]
  --bin PATH        homeward binary to init/serve/verify with
  --db URL          sqlite (default) or postgresql://...; a fresh database hw_api_RUN is created in it
  --no-create-db    use the PostgreSQL database in --db as is (it must be empty)
  --url URL         run against an already running server instead (needs ADMIN_PASSWORD in env)
  --data DIR        with --url: the server's data dir, to run 'audit verify' at the end
  --label TEXT      name in the summary line (default api[sqlite] / api[postgresql])
  --keep            keep the temporary data dir and server log
  --no-robustness   skip the built-in many-connections check
  --no-tamper       skip the audit tamper checks (they need sqlite3 / psql)
  --timeout SEC     per-request timeout (default 15)
  -v, --verbose     print every request and response
  --self-test       check the TOTP helper against RFC 6238 test vectors and exit
  --check           parse every scenario file, print the scenario count and exit
  FILTER            run only scenario files whose path contains one of these substrings`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------
// TOTP (RFC 6238, HMAC-SHA1, 30 s steps, 6 digits) for `@totp`.

function base32Decode(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = s.toUpperCase().replace(/[=\s-]/g, '');
  let bits = 0, value = 0;
  const out = [];
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${JSON.stringify(s)}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function totp(key, unixSeconds, { step = 30, digits = 6, algorithm = 'sha1' } = {}) {
  let counter = Math.floor(unixSeconds / step);
  const msg = Buffer.alloc(8);
  for (let i = 7; i >= 0; i--) {
    msg[i] = counter & 0xff;
    counter = Math.floor(counter / 256);
  }
  const h = createHmac(algorithm, key).update(msg).digest();
  const off = h[h.length - 1] & 0x0f;
  const bin = ((h[off] & 0x7f) << 24) | (h[off + 1] << 16) | (h[off + 2] << 8) | h[off + 3];
  return String(bin % 10 ** digits).padStart(digits, '0');
}

function selfTest() {
  // RFC 6238 Appendix B, SHA1 seed "12345678901234567890", 8 digits.
  const key = Buffer.from('12345678901234567890');
  const vectors = [[59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'],
    [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130']];
  let bad = 0;
  for (const [t, want] of vectors) {
    const got = totp(key, t, { digits: 8 });
    if (got !== want) { console.error(`totp(${t}) = ${got}, want ${want}`); bad++; }
  }
  // Base32 of the same seed (RFC 4648) must decode to the same key.
  if (!base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').equals(key)) { console.error('base32 decode'); bad++; }
  console.log(bad ? 'self-test: FAILED' : 'self-test: totp and base32 ok');
  process.exit(bad ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------
// Scenario file parsing. See tests/api/README.md for the format.

const METHOD_RE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)\s*$/;

function readWithIncludes(file, seen = new Set()) {
  if (seen.has(file)) throw new Error(`include cycle at ${file}`);
  seen.add(file);
  const out = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
    const m = /^@include\s+(\S+)\s*$/.exec(text);
    if (m) {
      out.push(...readWithIncludes(path.resolve(path.dirname(file), m[1]), new Set(seen)));
    } else {
      out.push({ text: text.replace(/\r$/, ''), file, line: i + 1 });
    }
  });
  return out;
}

function parseScenarioFile(file) {
  const lines = readWithIncludes(file);
  const blocks = [];
  let i = 0;
  const where = (l) => `${path.relative(process.cwd(), l.file)}:${l.line}`;
  const fail = (l, msg) => { throw new Error(`${where(l)}: ${msg}`); };

  while (i < lines.length) {
    const l = lines[i];
    if (!l.text.startsWith('### ')) {
      if (l.text.trim() === '' || l.text.startsWith('#')) { i++; continue; }
      fail(l, `expected '### scenario name', got ${JSON.stringify(l.text)}`);
    }
    const block = {
      name: l.text.slice(4).trim(), where: where(l), pre: [], method: null, target: null,
      headers: [], body: null, status: null, expect: null, post: [], repeat: 1,
    };
    i++;
    // Directives before the request line.
    while (i < lines.length && !METHOD_RE.test(lines[i].text)) {
      const t = lines[i].text;
      if (t.startsWith('### ')) fail(lines[i], 'scenario without a request line');
      if (t.startsWith('@')) block.pre.push({ text: t, l: lines[i] });
      else if (t.trim() !== '' && !t.startsWith('#')) fail(lines[i], `expected a request line or @directive, got ${JSON.stringify(t)}`);
      i++;
    }
    if (i >= lines.length) fail(l, 'scenario without a request line');
    const [, method, target] = METHOD_RE.exec(lines[i].text);
    block.method = method;
    block.target = target;
    i++;
    // Header lines up to a blank line or the status line.
    while (i < lines.length && lines[i].text.trim() !== '' && !lines[i].text.startsWith('--- ')) {
      const t = lines[i].text;
      if (!t.startsWith('#')) {
        const m = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(t);
        if (!m) fail(lines[i], `bad header line ${JSON.stringify(t)}`);
        block.headers.push([m[1], m[2]]);
      }
      i++;
    }
    // Optional body up to the status line.
    const body = [];
    while (i < lines.length && !lines[i].text.startsWith('--- ')) {
      if (lines[i].text.startsWith('### ')) fail(lines[i], 'missing "--- STATUS" line');
      body.push(lines[i].text);
      i++;
    }
    if (i >= lines.length) fail(l, 'missing "--- STATUS" line');
    while (body.length && body[0].trim() === '') body.shift();
    while (body.length && body[body.length - 1].trim() === '') body.pop();
    block.body = body.length ? body.join('\n') : null;
    const sm = /^--- (\d{3}(?:\|\d{3})*)\s*$/.exec(lines[i].text);
    if (!sm) fail(lines[i], `bad status line ${JSON.stringify(lines[i].text)} (want "--- 200" or "--- 404|405")`);
    block.status = sm[1].split('|').map(Number);
    i++;
    // Expected JSON up to the first @directive / next scenario; then @directives.
    const expect = [];
    while (i < lines.length && !lines[i].text.startsWith('### ') && !lines[i].text.startsWith('@')) {
      if (!(expect.length === 0 && lines[i].text.startsWith('#'))) expect.push(lines[i].text);
      i++;
    }
    while (expect.length && (expect[expect.length - 1].trim() === '' || expect[expect.length - 1].startsWith('#'))) expect.pop();
    block.expect = expect.length ? expect.join('\n') : null;
    while (i < lines.length && !lines[i].text.startsWith('### ')) {
      const t = lines[i].text;
      if (t.startsWith('@')) block.post.push({ text: t, l: lines[i] });
      else if (t.trim() !== '' && !t.startsWith('#')) fail(lines[i], `unexpected line after the expectation: ${JSON.stringify(t)}`);
      i++;
    }
    for (const d of block.pre) {
      const m = /^@repeat\s+(\d+)\s*$/.exec(d.text);
      if (m) block.repeat = Number(m[1]);
    }
    blocks.push(block);
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Variables

class UndefinedVar extends Error {}

function substitute(text, vars) {
  return text.replace(/\$\{([^}]+)\}/g, (_, name) => {
    const rep = /^repeat:(.):(\d+)$/.exec(name);
    if (rep) return rep[1].repeat(Number(rep[2]));
    if (!(name in vars)) throw new UndefinedVar(`undefined variable \${${name}} (set by an earlier failing scenario?)`);
    const v = vars[name];
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
}

function evalExpr(expr, scope) {
  const names = Object.keys(scope);
  // eslint-disable-next-line no-new-func
  const fn = new Function(...names, `"use strict"; return (${expr});`);
  return fn(...names.map((n) => scope[n]));
}

// ---------------------------------------------------------------------------------------------------------
// Matching: the expected JSON is a subset pattern of the actual answer.

const TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function typeMatcher(spec, actual) {
  const nullable = spec.endsWith('?');
  const t = nullable ? spec.slice(1, -1) : spec.slice(1);
  if (nullable && actual === null) return true;
  switch (t) {
    case '': return actual !== undefined;
    case 'string': return typeof actual === 'string';
    case 'nonempty': return typeof actual === 'string' && actual.length > 0;
    case 'number': return typeof actual === 'number';
    case 'integer': return Number.isInteger(actual);
    case 'boolean': return typeof actual === 'boolean';
    case 'object': return actual !== null && typeof actual === 'object' && !Array.isArray(actual);
    case 'array': return Array.isArray(actual);
    case 'null': return actual === null;
    case 'time': return typeof actual === 'string' && TIME_RE.test(actual);
    default: return undefined;
  }
}

function show(v) {
  const s = JSON.stringify(v);
  return s === undefined ? 'nothing' : s.length > 200 ? `${s.slice(0, 200)}...` : s;
}

function match(exp, act, at, errs) {
  if (typeof exp === 'string' && exp.startsWith('*') && exp !== '*absent') {
    const r = typeMatcher(exp, act);
    if (r === undefined) errs.push(`${at}: unknown matcher ${exp}`);
    else if (!r) errs.push(`${at}: expected ${exp}, got ${show(act)}`);
    return;
  }
  if (typeof exp === 'string' && exp.startsWith('~')) {
    if (typeof act !== 'string' || !new RegExp(exp.slice(1)).test(act)) errs.push(`${at}: expected a string matching /${exp.slice(1)}/, got ${show(act)}`);
    return;
  }
  if (Array.isArray(exp)) {
    if (!Array.isArray(act)) { errs.push(`${at}: expected an array, got ${show(act)}`); return; }
    if (exp.length && exp[0] === '...') {
      // Unordered containment: each pattern matches a distinct element.
      const used = new Set();
      exp.slice(1).forEach((e, k) => {
        const idx = act.findIndex((a, j) => !used.has(j) && tryMatch(e, a));
        if (idx < 0) errs.push(`${at}: no element matches ${show(e)} (pattern ${k + 1}); got ${show(act)}`);
        else used.add(idx);
      });
      return;
    }
    const prefix = exp.length && exp[exp.length - 1] === '...';
    const pats = prefix ? exp.slice(0, -1) : exp;
    if (prefix ? act.length < pats.length : act.length !== pats.length) {
      errs.push(`${at}: expected ${prefix ? 'at least ' : ''}${pats.length} elements, got ${act.length}: ${show(act)}`);
      return;
    }
    pats.forEach((e, k) => match(e, act[k], `${at}[${k}]`, errs));
    return;
  }
  if (exp !== null && typeof exp === 'object') {
    if (act === null || typeof act !== 'object' || Array.isArray(act)) { errs.push(`${at}: expected an object, got ${show(act)}`); return; }
    for (const [k, e] of Object.entries(exp)) {
      if (e === '*absent') {
        if (k in act) errs.push(`${at}.${k}: expected no such key, got ${show(act[k])}`);
        continue;
      }
      if (!(k in act)) { errs.push(`${at}.${k}: missing (expected ${show(e)})`); continue; }
      match(e, act[k], `${at}.${k}`, errs);
    }
    return;
  }
  if (exp !== act) errs.push(`${at}: expected ${show(exp)}, got ${show(act)}`);
}

function tryMatch(exp, act) {
  const errs = [];
  match(exp, act, '$', errs);
  return errs.length === 0;
}

// ---------------------------------------------------------------------------------------------------------
// Cookie jar: one host, so Path/Domain are ignored; Max-Age<=0, a past Expires or an empty value deletes.

class Jar {
  constructor() { this.cookies = new Map(); }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(setCookies) {
    for (const sc of setCookies) {
      const [pair, ...attrs] = sc.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let dead = value === '';
      for (const a of attrs) {
        const [k, v = ''] = a.split('=');
        const key = k.trim().toLowerCase();
        if (key === 'max-age' && Number(v) <= 0) dead = true;
        if (key === 'expires' && Date.parse(v) < Date.now()) dead = true;
      }
      if (dead) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  object() { return Object.fromEntries(this.cookies); }
}

// ---------------------------------------------------------------------------------------------------------
// Running scenarios

class Failure extends Error {}

async function runBlock(block, ctx) {
  const { vars, jars, opts } = ctx;
  let jarName = 'default';
  let raw = false;
  let parallel = 0;
  const cycles = [];
  for (const d of block.pre) {
    const t = substitute(d.text, vars);
    let m;
    if ((m = /^@jar\s+(\S+)\s*$/.exec(t))) jarName = m[1];
    else if ((m = /^@totp\s+(\w+)\s*=\s*(\S+)(?:\s+([+-]\d+))?\s*$/.exec(t))) {
      const step = Number(m[3] || 0);
      vars[m[1]] = totp(base32Decode(m[2]), Date.now() / 1000 + step * 30);
    } else if ((m = /^@set\s+(\w+)\s*=\s*(.*)$/.exec(t))) vars[m[1]] = m[2];
    else if ((m = /^@eval\s+(\w+)\s*=\s*(.*)$/.exec(t))) vars[m[1]] = evalExpr(m[2], { vars });
    else if ((m = /^@sleep\s+(\d+)\s*$/.exec(t))) await new Promise((r) => setTimeout(r, Number(m[1])));
    else if (/^@repeat\s+\d+\s*$/.test(t)) { /* handled by the caller */ }
    else if (/^@raw\s*$/.test(t)) raw = true;
    else if ((m = /^@parallel\s+(\d+)\s*$/.exec(t))) parallel = Number(m[1]);
    else if (/^@skip\b/.test(t)) return { skipped: t.slice(5).trim() || 'skipped' };
    else if ((m = /^@secret\s+(.+?)\s*$/.exec(t))) ctx.secrets?.add(m[1]);
    else if ((m = /^@cycle\s+(\w+)\s*=\s*(.+)$/.exec(t))) cycles.push({ name: m[1], values: m[2].trim().split(/\s+/) });
    else throw new Failure(`${d.l.file}:${d.l.line}: unknown directive ${t}`);
  }
  if (jarName !== 'none' && !jars.has(jarName)) jars.set(jarName, new Jar());
  const jar = jarName === 'none' ? null : jars.get(jarName);

  // `@cycle VAR = A B ...`: request i of a @parallel group sees VAR = the i-th value (cycling); else the first.
  const varsFor = (i) => {
    if (!cycles.length) return vars;
    const v = { ...vars };
    for (const c of cycles) v[c.name] = c.values[i % c.values.length];
    return v;
  };
  const prepare = (pv) => {
    const target = substitute(block.target, pv);
    const headers = {};
    for (const [k, v] of block.headers) headers[k] = substitute(v, pv);
    const body = block.body === null ? undefined : substitute(block.body, pv);
    const hasHeader = (name) => Object.keys(headers).some((k) => k.toLowerCase() === name);
    if (body !== undefined && !hasHeader('content-type')) headers['Content-Type'] = 'application/json';
    if (jar && !hasHeader('cookie') && jar.cookies.size) headers.Cookie = jar.header();
    return { target, headers, body };
  };
  const { target, headers, body } = prepare(varsFor(0));
  const send = async (req = { target, headers, body }) => {
    const url = ctx.base + req.target;
    try {
      const r = raw ? await rawRequest(ctx.base, block.method, req.target, req.headers, req.body, opts.timeoutMs)
        : await fetch(url, { method: block.method, headers: req.headers, body: req.body, redirect: 'manual', signal: AbortSignal.timeout(opts.timeoutMs) });
      return { res: r, text: await r.text() };
    } catch (e) {
      throw new Failure(`${block.method} ${req.target}: request failed: ${e.cause ? e.cause.message || e.cause.code : e.message}`);
    }
  };
  if (parallel) return runParallel(block, ctx, (i) => send(prepare(varsFor(i))), parallel, target);
  const { res, text } = await send();
  const setCookies = res.headers.getSetCookie();
  if (jar) jar.take(setCookies);
  const hdrs = {};
  res.headers.forEach((v, k) => { hdrs[k] = v; });
  let json;
  try { json = text.length ? JSON.parse(text) : undefined; } catch { json = undefined; }

  if (opts.verbose) {
    console.log(`    > ${block.method} ${target}${body !== undefined ? ` ${body.length > 300 ? `${body.slice(0, 300)}... (${body.length} bytes)` : body}` : ''}`);
    console.log(`    < ${res.status} ${text.length > 500 ? `${text.slice(0, 500)}...` : text}`);
  }

  const errs = [];
  if (!block.status.includes(res.status)) errs.push(`status: expected ${block.status.join(' or ')}, got ${res.status}`);
  if (block.expect !== null) {
    let exp;
    try { exp = JSON.parse(substitute(block.expect, vars)); } catch (e) {
      if (e instanceof UndefinedVar) throw e;
      throw new Failure(`${block.where}: expected body is not JSON: ${e.message}`);
    }
    if (json === undefined) errs.push(`body: expected JSON, got ${JSON.stringify(text.slice(0, 300))}`);
    else match(exp, json, '$', errs);
  }
  const scope = { json, text, status: res.status, headers: hdrs, setCookies, cookies: jar ? jar.object() : {}, vars };
  const saves = [];
  for (const d of block.post) {
    const t = substitute(d.text, vars);
    let m;
    if ((m = /^@save\s+(\w+)\s*=\s*(.+)$/.exec(t))) {
      saves.push([m[1], m[2]]);
    } else if ((m = /^@header\s+([A-Za-z0-9-]+):\s?(.*)$/.exec(t))) {
      const name = m[1].toLowerCase();
      const want = m[2].trim();
      const got = name === 'set-cookie' ? setCookies : res.headers.has(name) ? [res.headers.get(name)] : [];
      const ok = (v) => (want === '*' ? true : want.startsWith('~') ? new RegExp(want.slice(1), 'i').test(v) : v === want);
      if (!got.length) errs.push(`header ${m[1]}: missing (expected ${want})`);
      else if (!got.some(ok)) errs.push(`header ${m[1]}: expected ${want}, got ${JSON.stringify(got.length === 1 ? got[0] : got)}`);
    } else if ((m = /^@noheader\s+([A-Za-z0-9-]+)\s*$/.exec(t))) {
      if (res.headers.has(m[1])) errs.push(`header ${m[1]}: expected none, got ${JSON.stringify(res.headers.get(m[1]))}`);
    } else if ((m = /^@assert\s+(.+)$/.exec(t))) {
      let r;
      try { r = evalExpr(m[1], scope); } catch (e) { r = `threw ${e.message}`; }
      if (r !== true) errs.push(`assert ${m[1]}: ${r === false ? 'false' : `got ${inspect(r, { depth: 2 })}`}`);
    } else {
      throw new Failure(`${d.l.file}:${d.l.line}: unknown directive ${t}`);
    }
  }
  if (errs.length === 0) {
    for (const [name, expr] of saves) {
      let v;
      try { v = evalExpr(expr, scope); } catch (e) { errs.push(`@save ${name} = ${expr}: threw ${e.message}`); continue; }
      if (v === undefined) errs.push(`@save ${name} = ${expr}: undefined`);
      else vars[name] = v;
    }
  }
  if (errs.length) {
    const reqBody = body === undefined ? '' : `\n      request body: ${body.length > 400 ? `${body.slice(0, 400)}... (${body.length} bytes)` : body}`;
    throw new Failure(`${block.method} ${target}${reqBody}\n      ${errs.join('\n      ')}\n      response: ${res.status} ${text.length > 1500 ? `${text.slice(0, 1500)}...` : text}`);
  }
  return {};
}

// `@parallel N`: N identical requests at once (races: optimistic locking, unique constraints, lockout
// counters). Each answer's status must be one of the listed ones; @assert sees `responses`, an array of
// {status, json, text}. No expected body and no @save.
async function runParallel(block, ctx, send, n, target) {
  if (block.expect !== null) throw new Failure(`${block.where}: @parallel takes no expected body; use @assert over responses`);
  const results = await Promise.all(Array.from({ length: n }, (_, i) => send(i)));
  const responses = results.map(({ res, text }) => {
    let json;
    try { json = text.length ? JSON.parse(text) : undefined; } catch { json = undefined; }
    return { status: res.status, json, text };
  });
  if (ctx.opts.verbose) console.log(`    > ${n} x ${block.method} ${target}\n    < ${responses.map((r) => r.status).join(' ')}`);
  const errs = [];
  responses.forEach((r, i) => {
    if (!block.status.includes(r.status)) errs.push(`request ${i + 1}: status ${r.status}, expected ${block.status.join(' or ')}: ${r.text.slice(0, 300)}`);
  });
  for (const d of block.post) {
    const t = substitute(d.text, ctx.vars);
    const m = /^@assert\s+(.+)$/.exec(t);
    if (!m) throw new Failure(`${d.l.file}:${d.l.line}: only @assert goes with @parallel`);
    let r;
    try { r = evalExpr(m[1], { responses, vars: ctx.vars }); } catch (e) { r = `threw ${e.message}`; }
    if (r !== true) errs.push(`assert ${m[1]}: ${r === false ? 'false' : `got ${inspect(r, { depth: 2 })}`}`);
  }
  if (errs.length) {
    throw new Failure(`${n} x ${block.method} ${target}\n      ${errs.join('\n      ')}\n      statuses: ${responses.map((r) => r.status).join(' ')}`);
  }
  return {};
}

// Sends the request target verbatim over a socket (fetch normalises "..", "%2e%2e" and friends away).
function rawRequest(base, method, target, headers, body, timeoutMs) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const chunks = [];
    const sock = net.connect({ host: hostname, port: Number(port) }, () => {
      let head = `${method} ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n`;
      for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
      const b = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
      if (body !== undefined) head += `Content-Length: ${b.length}\r\n`;
      sock.write(Buffer.concat([Buffer.from(`${head}\r\n`), b]));
    });
    sock.setTimeout(timeoutMs, () => { sock.destroy(); reject(new Error('timeout')); });
    sock.on('data', (c) => chunks.push(c));
    sock.on('error', reject);
    sock.on('close', () => {
      const all = Buffer.concat(chunks);
      const sep = all.indexOf('\r\n\r\n');
      if (sep < 0) { reject(new Error(`no HTTP response: ${JSON.stringify(all.toString().slice(0, 200))}`)); return; }
      const [statusLine, ...hl] = all.subarray(0, sep).toString('latin1').split('\r\n');
      const h = new Headers();
      for (const line of hl) { const c = line.indexOf(':'); if (c > 0) h.append(line.slice(0, c).trim(), line.slice(c + 1).trim()); }
      let payload = all.subarray(sep + 4);
      if (/chunked/i.test(h.get('transfer-encoding') || '')) {
        const parts = [];
        let p = 0;
        for (;;) {
          const e = payload.indexOf('\r\n', p);
          const n = parseInt(payload.subarray(p, e).toString(), 16);
          if (!n) break;
          parts.push(payload.subarray(e + 2, e + 2 + n));
          p = e + 2 + n + 2;
        }
        payload = Buffer.concat(parts);
      }
      const status = Number(statusLine.split(' ')[1]);
      resolve({ status, headers: h, text: async () => payload.toString('utf8') });
    });
  });
}

async function runFile(file, ctx0) {
  const rel = path.relative(ctx0.opts.dir, file);
  let blocks;
  try {
    blocks = parseScenarioFile(file);
  } catch (e) {
    console.log(`FAIL ${rel}: ${e.message}`);
    return { passed: 0, failed: 1 };
  }
  const ctx = { ...ctx0, vars: { ...ctx0.globals }, jars: new Map() };
  let passed = 0, failed = 0, skipped = 0;
  const lines = [];
  for (const block of blocks) {
    if (ctx.opts.verbose) console.log(`  ### ${block.name}`);
    try {
      let r = {};
      for (let k = 0; k < block.repeat && !r.skipped; k++) r = await runBlock(block, ctx);
      if (r.skipped) { skipped++; lines.push(`  skip ${block.name} (${r.skipped})`); continue; }
      passed++;
    } catch (e) {
      failed++;
      const msg = e instanceof Failure || e instanceof UndefinedVar ? e.message : e.stack;
      lines.push(`  FAIL ### ${block.name}  (${block.where})\n      ${msg}`);
    }
  }
  const tag = failed ? 'FAIL' : ' ok ';
  console.log(`${tag} ${rel}  (${passed} passed${failed ? `, ${failed} failed` : ''}${skipped ? `, ${skipped} skipped` : ''})`);
  for (const l of lines) console.log(l);
  return { passed, failed };
}

function listScenarioFiles(dir, filters) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('_') || e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test')) out.push(p);
    }
  };
  walk(dir);
  return filters.length ? out.filter((f) => filters.some((s) => path.relative(dir, f).includes(s))) : out;
}

// ---------------------------------------------------------------------------------------------------------
// Server lifecycle

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function runCli(bin, args, env) {
  const r = spawnSync(bin, args, { encoding: 'utf8', env, timeout: 120000 });
  return { code: r.status, signal: r.signal, out: (r.stdout || '') + (r.stderr || ''), error: r.error };
}

function createPgDatabase(url, name) {
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql CREATE DATABASE ${name} failed: ${r.stderr || r.error}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function dropPgDatabase(url, adminUrl, name) {
  spawnSync('psql', [adminUrl, '-qAtc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { encoding: 'utf8' });
}

async function waitHealthy(base, child, deadlineMs) {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) return `server exited with ${child.exitCode} before answering /healthz`;
    if (child && child.signalCode) return `server killed by ${child.signalCode} before answering /healthz`;
    try {
      const r = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (r.status === 200) return null;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return `/healthz did not answer 200 within ${deadlineMs / 1000} s`;
}

// Many idle half-open connections must not starve real clients (issue 2, "Command line"/"API").
async function robustnessCheck(base) {
  const { hostname, port } = new URL(base);
  const sockets = [];
  const n = 256;
  try {
    await Promise.all(Array.from({ length: n }, () => new Promise((resolve) => {
      const s = net.connect({ host: hostname, port: Number(port) }, () => {
        s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // never finished
        resolve();
      });
      s.on('error', () => resolve());
      sockets.push(s);
    })));
    const t0 = Date.now();
    const r = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10000) });
    const ms = Date.now() - t0;
    if (r.status !== 200) return `with ${n} half-open connections /healthz answered ${r.status}`;
    if (ms > 5000) return `with ${n} half-open connections /healthz took ${ms} ms`;
    return null;
  } catch (e) {
    return `with ${n} half-open connections /healthz failed: ${e.cause ? e.cause.code || e.cause.message : e.message}`;
  } finally {
    for (const s of sockets) s.destroy();
  }
}

// Slowloris defence: a connection that never completes its request header, and one that sends nothing,
// must be closed by the server on its own (header timeout, 10 s today). Opened when the suite starts,
// judged when it ends (the suite runs far longer than the timeout).
function openSlowClients(base) {
  const { hostname, port } = new URL(base);
  const opened = Date.now();
  const clients = [['partial header', 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: '], ['silent', null]].map(([name, data]) => {
    const c = { name, closedAfter: null };
    c.sock = net.connect({ host: hostname, port: Number(port) }, () => { if (data) c.sock.write(data); });
    c.sock.on('error', () => {});
    c.sock.on('close', () => { c.closedAfter = Date.now() - opened; });
    c.sock.on('data', () => {});
    return c;
  });
  return { opened, clients };
}

function judgeSlowClients(slow, limitMs) {
  const problems = [];
  for (const c of slow.clients) {
    if (c.closedAfter === null) {
      problems.push(`a ${c.name} connection was still open after ${Math.round((Date.now() - slow.opened) / 1000)} s`);
      c.sock.destroy();
    } else if (c.closedAfter > limitMs) {
      problems.push(`a ${c.name} connection was closed only after ${c.closedAfter} ms`);
    }
  }
  return problems.length ? problems.join('; ') : null;
}

function stopServer(child, timeoutMs) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode) {
      resolve({ code: child.exitCode, signal: child.signalCode, timedOut: false });
      return;
    }
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.once('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal, timedOut }); });
    child.kill('SIGTERM');
  });
}

// The audit table refuses UPDATE, DELETE (and TRUNCATE) by itself; an entry edited behind the store's back
// (triggers dropped) makes `audit verify` exit 1 naming it. Runs on the stopped server's store.
async function tamperChecks(opts, dataDir, dbUrl, env, record) {
  const pg = opts.dbKind === 'postgresql';
  const sql = (q) => (pg
    ? spawnSync('psql', [dbUrl, '-v', 'ON_ERROR_STOP=1', '-qAtc', q], { encoding: 'utf8' })
    : spawnSync('sqlite3', ['-bail', path.join(dataDir, 'homeward.db'), q], { encoding: 'utf8' }));
  const tool = pg ? 'psql' : 'sqlite3';
  const probe = sql('SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 3');
  if (probe.error || probe.status !== 0) {
    record(`audit: tamper checks (${tool})`, `cannot query the store: ${probe.error ? probe.error.message : probe.stderr}`);
    return;
  }
  const seq = probe.stdout.trim();
  const refused = (what, q) => {
    const r = sql(q);
    record(`audit: the store refuses ${what} on audit_log`, r.status === 0 ? `${tool} accepted: ${q}` : null);
  };
  refused('UPDATE', `UPDATE audit_log SET action = 'tampered' WHERE seq = ${seq}`);
  refused('DELETE', `DELETE FROM audit_log WHERE seq = ${seq}`);
  if (pg) refused('TRUNCATE', 'TRUNCATE audit_log');
  const bypass = pg
    ? `ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET action = 'tampered' WHERE seq = ${seq}`
    : `DROP TRIGGER IF EXISTS audit_log_no_update; UPDATE audit_log SET action = 'tampered' WHERE seq = ${seq}`;
  const t = sql(bypass);
  if (t.status !== 0) { record('audit: verify catches an edited entry', `could not edit the entry: ${t.stderr}`); return; }
  const v = runCli(opts.bin, ['audit', 'verify', '--data', dataDir, ...(dbUrl ? ['--db', dbUrl] : [])], env);
  let err = null;
  if (v.code !== 1) err = `audit verify exited ${v.code ?? v.signal} after entry ${seq} was edited (want 1): ${v.out.slice(-500)}`;
  else if (!new RegExp(`\\b${seq}\\b`).test(v.out)) err = `audit verify did not name entry ${seq}: ${v.out.slice(-500)}`;
  else if (SANITIZER_RE.test(v.out)) err = `sanitizer report:\n${v.out.slice(-3000)}`;
  record('audit: verify catches an edited entry and names it', err);
}

// `@secret TEXT` values (shelter addresses, ...) must never reach the store or the log in clear: not in any
// file of the data directory (SQLite database, WAL), not in a pg_dump (as text or as the hex of a BYTEA),
// not in the server log. Runs on the stopped server's store.
function secretChecks(opts, dataDir, dbUrl, logFile, secrets, record) {
  const needles = [...secrets].map((s) => ({ s, plain: Buffer.from(s, 'utf8'), hex: Buffer.from(Buffer.from(s, 'utf8').toString('hex')) }));
  const found = [];
  const scan = (where, buf) => {
    for (const n of needles) if (buf.includes(n.plain) || buf.includes(n.hex)) found.push(`${JSON.stringify(n.s)} in ${where}`);
  };
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) scan(path.relative(dataDir, p), fs.readFileSync(p));
    }
  };
  let err = null;
  if (dataDir && fs.existsSync(dataDir)) walk(dataDir);
  if (logFile && fs.existsSync(logFile)) scan('the server log', fs.readFileSync(logFile));
  if (opts.dbKind === 'postgresql' && dbUrl) {
    const d = spawnSync('pg_dump', ['--no-owner', dbUrl], { maxBuffer: 1 << 30 });
    if (d.error || d.status !== 0) err = `pg_dump failed: ${d.error ? d.error.message : d.stderr.toString().slice(-500)}`;
    else scan('pg_dump', d.stdout);
  }
  if (!err && found.length) err = `stored or logged in clear: ${found.join('; ')}`;
  record(`store: ${secrets.size} @secret values never in clear (data dir, log${opts.dbKind === 'postgresql' ? ', pg_dump' : ''})`, err);
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.selfTest) selfTest();
  opts.dir = path.resolve(opts.dir);
  const files = listScenarioFiles(opts.dir, opts.filters);
  if (!files.length) { console.error(`${opts.label}: no scenario files match`); process.exit(2); }
  if (opts.check) {
    let n = 0, bad = 0;
    for (const f of files) {
      try { n += parseScenarioFile(f).length; } catch (e) { bad++; console.error(e.message); }
    }
    console.log(`${files.length} files, ${n} scenarios${bad ? `, ${bad} files with errors` : ''}`);
    process.exit(bad ? 1 : 0);
  }

  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let passed = 0, failed = 0;
  const results = [];
  const record = (name, err) => {
    if (err) { failed++; results.push(`FAIL ${name}: ${err}`); console.log(`FAIL ${name}\n      ${err}`); }
    else { passed++; if (opts.verbose) console.log(` ok  ${name}`); }
  };

  let tmp = null, child = null, base = opts.url, dataDir = opts.data, dbUrl = null, logFile = null;
  let pgDbName = null;
  const env = { ...process.env, HOMEWARD_LOGIN_RATE_PER_ADDRESS: process.env.HOMEWARD_LOGIN_RATE_PER_ADDRESS || '1000' };
  let adminPassword = process.env.ADMIN_PASSWORD || '';
  const cleanup = async () => {
    if (child && child.exitCode === null && !child.signalCode) await stopServer(child, 10000);
    if (pgDbName && !opts.keep) dropPgDatabase(dbUrl, opts.db, pgDbName);
    if (tmp && !opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
  };
  const dumpLog = () => {
    if (logFile && fs.existsSync(logFile)) {
      const log = fs.readFileSync(logFile, 'utf8');
      console.log(`---- server log (last 60 lines of ${logFile}) ----\n${log.split('\n').slice(-60).join('\n')}\n----`);
    }
  };
  process.on('SIGINT', async () => { await cleanup(); process.exit(130); });

  try {
    if (!opts.url) {
      opts.bin = path.resolve(opts.bin);
      if (!fs.existsSync(opts.bin)) { console.error(`${opts.label}: no binary at ${opts.bin}`); process.exit(2); }
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), `hw-api-${opts.dbKind}-`));
      dataDir = path.join(tmp, 'data');
      logFile = path.join(tmp, 'server.log');
      adminPassword = `Adm1n-${randomBytes(9).toString('base64url')}`;
      const pwFile = path.join(tmp, 'admin-password');
      fs.writeFileSync(pwFile, `${adminPassword}\n`, { mode: 0o600 });
      // A stand-in for web/dist so static serving, SPA fallback and traversal are tested without the UI build.
      const uiDir = path.join(tmp, 'ui');
      fs.mkdirSync(path.join(uiDir, 'assets'), { recursive: true });
      fs.writeFileSync(path.join(uiDir, 'index.html'), '<!doctype html><title>homeward-test-ui</title><div id="root"></div>\n');
      fs.writeFileSync(path.join(uiDir, 'assets', 'app-abc123.js'), 'console.log("homeward-test-asset");\n');
      fs.writeFileSync(path.join(uiDir, '.env'), 'SECRET=homeward-test-dotfile\n');
      fs.writeFileSync(path.join(tmp, 'outside.txt'), 'homeward-test-outside\n');
      const dbArgs = [];
      if (opts.dbKind === 'postgresql') {
        if (opts.createDb) {
          pgDbName = `hw_api_${run}`;
          dbUrl = createPgDatabase(opts.db, pgDbName);
        } else dbUrl = opts.db;
        dbArgs.push('--db', dbUrl);
      }
      const init = runCli(opts.bin, ['init', '--data', dataDir, ...dbArgs, '--admin-password-file', pwFile], env);
      const initErr = init.code !== 0 ? `homeward init exited ${init.code ?? init.signal}: ${init.out.slice(-2000)}`
        : SANITIZER_RE.test(init.out) ? `sanitizer report in homeward init:\n${init.out.slice(-3000)}`
          : init.out.includes(adminPassword) ? 'homeward init printed the admin password it was given in a file' : null;
      record('cli: homeward init', initErr);
      if (init.code !== 0) throw new Error('init failed');

      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const log = fs.openSync(logFile, 'a');
      child = spawn(opts.bin, ['serve', '--data', dataDir, ...dbArgs, '--listen', `127.0.0.1:${port}`, '--ui', uiDir], { env, stdio: ['ignore', log, log] });
      fs.closeSync(log);
      const err = await waitHealthy(base, child, 60000);
      if (err) { record('server: start and answer /healthz', err); dumpLog(); throw new Error('server did not start'); }
    }
    if (!adminPassword) { console.error(`${opts.label}: set ADMIN_PASSWORD in the environment with --url`); process.exit(2); }

    const slow = opts.robustness && opts.filters.length === 0 ? openSlowClients(base) : null;
    const globals = { RUN: run, ADMIN_PASSWORD: adminPassword, DB: opts.dbKind, BASE: base };
    const secrets = new Set();
    for (const f of files) {
      const r = await runFile(f, { opts, base, globals, secrets });
      passed += r.passed;
      failed += r.failed;
      if (child && (child.exitCode !== null || child.signalCode)) {
        record('server: still running', `server died (${child.exitCode ?? child.signalCode}) during ${path.relative(opts.dir, f)}`);
        dumpLog();
        break;
      }
    }

    const alive = !(child && (child.exitCode !== null || child.signalCode));
    if (slow && alive) {
      // Give the server its header timeout if the suite was quicker than that.
      const wait = 25000 - (Date.now() - slow.opened);
      if (wait > 0 && slow.clients.some((c) => c.closedAfter === null)) await new Promise((r) => setTimeout(r, wait));
      record('server: closes connections that never send a full request header', judgeSlowClients(slow, 30000));
    }
    if (opts.robustness && opts.filters.length === 0 && alive) record('server: 256 half-open connections do not starve a client', await robustnessCheck(base));

    if (child) {
      const r = await stopServer(child, 15000);
      const clean = r.code === 0 && !r.timedOut;
      record('server: exits 0 on SIGTERM', clean ? null : `exit ${r.code ?? r.signal}${r.timedOut ? ' (did not stop within 15 s, killed)' : ''}`);
      const log = fs.readFileSync(logFile, 'utf8');
      const san = SANITIZER_RE.exec(log);
      record('server: no sanitizer report', san ? `server log has a sanitizer report:\n${log.slice(Math.max(0, san.index - 200), san.index + 4000)}` : null);
      if (!clean) dumpLog();
    }

    if (opts.bin && dataDir) {
      const dbArgs = dbUrl ? ['--db', dbUrl] : opts.url && opts.dbKind === 'postgresql' ? ['--db', opts.db] : [];
      const v = runCli(opts.bin, ['audit', 'verify', '--data', dataDir, ...dbArgs], env);
      const m = /audit chain intact: (\d+) entries/.exec(v.out);
      let err = null;
      if (v.code !== 0) err = `exit ${v.code ?? v.signal}: ${v.out.slice(-1500)}`;
      else if (!m) err = `no "audit chain intact: N entries" line in: ${v.out.slice(-500)}`;
      else if (Number(m[1]) < 10) err = `only ${m[1]} audit entries after the whole suite (logins, user changes must be audited)`;
      else if (SANITIZER_RE.test(v.out)) err = `sanitizer report:\n${v.out.slice(-3000)}`;
      record('cli: homeward audit verify', err);
      if (m && opts.verbose) console.log(`      ${m[0]}`);
    }
    if (secrets.size && tmp) secretChecks(opts, dataDir, dbUrl, logFile, secrets, record);
    if (opts.tamper && opts.bin && tmp && !opts.filters.length) await tamperChecks(opts, dataDir, dbUrl, env, record);
  } catch (e) {
    if (!/^(init failed|server did not start)$/.test(e.message)) record('runner', e.stack);
  } finally {
    await cleanup();
    if (opts.keep && tmp) console.log(`kept ${tmp}`);
  }
  if (failed === 0 && passed === 0) failed = 1;
  console.log(`${opts.label}: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
