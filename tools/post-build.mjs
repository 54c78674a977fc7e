// Trunk post-build hook (Trunk.toml): the steps that rewrite the staged site, in order.
// NOTE: one hook, not one per step: trunk starts all hooks of a stage at once, and these
// steps both rewrite index.html (the CSP hashes must be taken from the final file).

import { hashInlineScripts } from './csp.mjs';
import { minifyJs } from './minify-js.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this as a trunk hook');
  process.exit(1);
}
try {
  if (process.env.TRUNK_PROFILE === 'release') await minifyJs(dir);
  hashInlineScripts(dir);
} catch (e) {
  console.error(`post-build: ${e.message}`);
  process.exit(1);
}
