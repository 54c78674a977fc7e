// Loads the facilitator's module (src/bin/facilitate.rs): in facilitate.html, and as each
// of its workers.
import init from './facilitate.js';
import { boot } from './boot.js';

await boot(init, 'facilitate');
