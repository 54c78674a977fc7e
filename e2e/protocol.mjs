// The field names of the messages between the page and its workers: the one copy, for
// the tests and the benchmark, of `pub mod key` in src/worker/protocol.rs. A unit test
// there (`e2e_mirror_has_every_key`) reads this file and fails if an entry is missing,
// changed or extra, so keep one `name: 'value',` a line, in the module's order.

/** The protocol's field names, by the lower-case name of their `key::` constant. */
export const KEY = Object.freeze({
  ready: 'ready',
  id: 'id',
  scenario: 'scenario',
  from: 'from',
  to: 'to',
  ahead: 'ahead',
  runs: 'runs',
  done: 'done',
  ms: 'ms',
  baseline: 'baseline',
  policy: 'policy',
  firms: 'firms',
  counts: 'counts',
  error: 'error',
});
