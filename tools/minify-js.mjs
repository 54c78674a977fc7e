// Post-build step (tools/post-build.mjs): minifies the JavaScript glue of a release build with
// terser, then puts the new files' hashes in index.html's `integrity` attributes.
//
// Trunk's own JS minifier gives up on wasm-bindgen's glue (it cannot parse its
// `export default`, and says so with a warning) and ships it as written, comments and all.
// Exports keep their names (`--module` mangles only what is local), so the page's loader
// and the worker's, which import the module by name, are unaffected.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
/** Minifies every `.js` file in trunk's staging `dir` and updates index.html's hashes. */
export async function minifyJs(dir) {
  const htmlPath = join(dir, 'index.html');
  let html = readFileSync(htmlPath, 'utf8');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const path = join(dir, name);
    const before = readFileSync(path);
    const { code } = await minify(before.toString('utf8'), {
      module: true,
      compress: true,
      mangle: true,
      format: { comments: false },
    });
    const after = Buffer.from(code, 'utf8');
    writeFileSync(path, after);
    const [oldHash, newHash] = [sri(before), sri(after)];
    const uses = html.split(oldHash).length - 1;
    html = html.split(oldHash).join(newHash);
    console.log(`minify-js: ${name}: ${before.length} -> ${after.length} bytes; integrity updated in ${uses} place(s)`);
  }
  writeFileSync(htmlPath, html);
}
