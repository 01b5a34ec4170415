#!/usr/bin/env node
// Fails unless en.json, fr.json and ar.json define the same keys, with the same {{placeholders}}, every plural
// form their language needs (Intl.PluralRules), no empty strings, and every key the source code names literally.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const languages = ['en', 'fr', 'ar'];
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const problems = [];

function flatten(object, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') flatten(value, path, out);
    else out.set(path, value);
  }
  return out;
}

function placeholders(text) {
  return [...String(text).matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)]
    .map((match) => match[1])
    .filter((name) => name !== 'count')
    .sort()
    .join(',');
}

const files = {};
for (const language of languages) {
  const path = join(root, 'src', 'i18n', `${language}.json`);
  try {
    files[language] = flatten(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    problems.push(`${language}.json: ${error.message}`);
  }
}
if (problems.length) finish();

// Base keys: plural forms collapse to their stem, since languages need different sets of forms.
const bases = {};
for (const language of languages) {
  bases[language] = new Map();
  for (const [key, value] of files[language]) {
    if (typeof value !== 'string' || value.trim() === '')
      problems.push(`${language}: "${key}" is empty`);
    const base = key.replace(pluralSuffix, '');
    if (!bases[language].has(base)) bases[language].set(base, []);
    bases[language].get(base).push(key);
  }
}

const reference = bases.en;
for (const language of languages.slice(1)) {
  for (const base of reference.keys()) {
    if (!bases[language].has(base)) problems.push(`${language}: missing "${base}"`);
  }
  for (const base of bases[language].keys()) {
    if (!reference.has(base)) problems.push(`${language}: "${base}" is not in en.json`);
  }
}

for (const language of languages) {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const [base, keys] of bases[language]) {
    const plural = keys.some((key) => pluralSuffix.test(key));
    if (plural) {
      for (const category of categories) {
        if (!keys.includes(`${base}_${category}`)) {
          problems.push(`${language}: "${base}" lacks plural form "${base}_${category}"`);
        }
      }
    }
    const expected = placeholders(files.en.get(reference.get(base)?.[0] ?? '') ?? '');
    for (const key of keys) {
      if (reference.has(base) && placeholders(files[language].get(key)) !== expected) {
        problems.push(
          `${language}: "${key}" has placeholders {${placeholders(files[language].get(key))}}, en has {${expected}}`,
        );
      }
    }
  }
}

// Keys the code names literally ('auth.sign_in', labelKey: 'nav.users', 'validation.required') must exist.
const namespaces = [...new Set([...reference.keys()].map((key) => key.split('.')[0]))];
const literal = new RegExp(`['"\`]((?:${namespaces.join('|')})\\.[a-z0-9_]+)['"\`]`, 'g');
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(ts|tsx)$/.test(name)) {
      for (const match of readFileSync(path, 'utf8').matchAll(literal)) {
        if (!reference.has(match[1]))
          problems.push(`${path.slice(root.length + 1)}: unknown key "${match[1]}"`);
      }
    }
  }
}
walk(join(root, 'src'));

finish();

function finish() {
  if (problems.length) {
    console.error(`i18n check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`i18n check: ${languages.join(', ')} agree on ${reference.size} keys`);
}
