// Loads the best-mix module (src/bin/decide.rs): in the page, when the panel is first
// opened (or a consultation's participant hands in), and as each of the panel's workers.
import init from './decide.js';
import { boot } from './boot.js';

await boot(init, 'decide');
