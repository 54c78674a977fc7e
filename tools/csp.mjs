// Post-build step (tools/post-build.mjs): puts the sha256 hash of every inline script of
// index.html into its Content-Security-Policy's `script-src`, so the policy can stay strict
// (no 'unsafe-inline') while trunk's loader runs.
//
// NOTE: trunk 0.21 always writes its wasm loader as an inline `<script type=module>` (no
// option moves it to a file: trunk-rs/trunk#288 is open; its `nonce` attributes are fixed
// at build time, which defeats a nonce). A hash is the one static answer. It is computed
// here, in the trunk hook, rather than in xtask after the build: node:crypto is already at
// hand (the hook runs in Node for terser), no openssl or hashing crate is needed, and every
// build — `cargo xtask dist`, `cargo xtask serve`, a plain `trunk build` — gets the same
// policy. It runs after the JS minifier, which rewrites index.html too.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const META = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi;
const CONTENT = /\bcontent=(?:"([^"]*)"|'([^']*)')/i;
// A script element without `src`: its text is what the browser hashes.
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** `'sha256-…'` of a script's text, as CSP writes it. */
export const cspHash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy with `hashes` in place of any hashes its `script-src` had. */
export function withScriptHashes(policy, hashes) {
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
  const i = directives.findIndex((d) => d.split(/\s+/)[0] === 'script-src');
  if (i < 0) throw new Error(`csp: the policy has no script-src: ${policy}`);
  const kept = directives[i].split(/\s+/).filter((t) => !/^'sha(256|384|512)-/.test(t));
  directives[i] = [...kept, ...hashes].join(' ');
  return directives.join('; ');
}

/** Hashes the inline scripts of `dir`/index.html into its one CSP meta element. */
export function hashInlineScripts(dir) {
  const path = join(dir, 'index.html');
  const html = readFileSync(path, 'utf8');
  const metas = html.match(META) ?? [];
  if (metas.length !== 1) {
    throw new Error(`csp: index.html needs exactly one Content-Security-Policy meta element, found ${metas.length}`);
  }
  const hashes = [...new Set([...html.matchAll(INLINE_SCRIPT)].map((m) => cspHash(m[1])))];
  const meta = metas[0];
  const content = meta.match(CONTENT);
  if (!content) throw new Error(`csp: the policy meta has no quoted content: ${meta}`);
  const policy = withScriptHashes(content[1] ?? content[2], hashes);
  if (/'unsafe-inline'|'unsafe-eval'/.test(policy.split(';').find((d) => d.trim().startsWith('script-src')))) {
    throw new Error(`csp: script-src must not allow 'unsafe-inline' or 'unsafe-eval': ${policy}`);
  }
  const newMeta = meta.replace(CONTENT, `content="${policy}"`);
  writeFileSync(path, html.replace(meta, newMeta));
  console.log(`csp: ${hashes.length} inline script(s) hashed into script-src`);
}
