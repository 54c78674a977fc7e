//! The page's side of the best-mix panel, and the one home of what the two modules share:
//! a `MessageChannel` between them, its messages, and the boot script's name.
//!
//! The page keeps one end of the channel and leaves the other on `window` (under
//! [`PORT`]) for the panel's module, which it loads on first use. A port queues what is
//! posted to it until its owner listens, so the page posts at once and the panel reads
//! it all once loaded. Messages are strings:
//!
//! | Direction | Message | Meaning |
//! |---|---|---|
//! | page → panel | [`OPEN`] | show the panel |
//! | page → panel | `<lang> <scenario JSON>` | the current scenario and language |
//! | panel → page | a number, [`encode_percents`] | "Use this mix": whole percents adding up to 100 |
//!
//! NOTE: the panel is its own WebAssembly module with its own copy of yew, and draws in a
//! `<dialog>` of its own outside the page's `#app`: two yew instances must not share a DOM
//! subtree (each marks the elements it renders with listener ids of its own numbering, and
//! the page's event delegation would read the panel's as its own). The channel also keeps
//! the page's module small: it reuses the workers' message plumbing (a closure over a
//! `MessageEvent`, a port's `onmessage`), so the page gains no new JavaScript glue.

use wasm_bindgen::closure::Closure;
use web_sys::{MessageChannel, MessageEvent, MessagePort};

use crate::mix::Percents;
use crate::state::{Action, AppState, StateHandle};

/// The `window` property holding the panel's end of the channel.
pub const PORT: &str = "adoptionDecidePort";
/// Page → panel: show yourself.
pub const OPEN: &str = "open";
/// The script that loads the panel's module (relative to the page).
pub const BOOT: &str = "decide-boot.js";

/// The `window` property holding the page's end of the channel, once opened.
const PAGE_PORT: &str = "adoptionDecidePagePort";

/// The page's end of the channel, if the panel was opened.
fn page_port() -> Option<MessagePort> {
    js_sys::Reflect::get(&gloo::utils::window(), &PAGE_PORT.into())
        .ok()
        .filter(|p| !p.is_undefined())
        .map(wasm_bindgen::JsCast::unchecked_into)
}

/// Opens the panel: on first use makes the channel and loads the panel's module; then
/// posts the current scenario and asks the panel to show itself.
// NOTE: the port lives on `window`, not in a thread-local: this is the page's module,
// whose every byte counts (a thread-local's lazy set-up costs more than a lookup).
pub fn open(app: &StateHandle) {
    let port = match page_port() {
        Some(port) => port,
        None => match connect(app) {
            Some(port) => port,
            None => return,
        },
    };
    sync(app);
    let _ = port.post_message(&OPEN.into());
}

/// Makes the channel, listens for "Use this mix" and loads the panel's module.
fn connect(app: &StateHandle) -> Option<MessagePort> {
    let channel = MessageChannel::new().ok()?;
    let dispatcher = app.dispatcher();
    let on_use = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some(p) = e.data().as_f64().and_then(decode_percents) {
            dispatcher.dispatch(Action::UseMix(p));
        }
    });
    let port = channel.port1();
    port.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(on_use.as_ref())));
    // The listener lives as long as the page.
    on_use.forget();
    let window = gloo::utils::window();
    js_sys::Reflect::set(&window, &PORT.into(), &channel.port2()).ok()?;
    js_sys::Reflect::set(&window, &PAGE_PORT.into(), &port).ok()?;
    let script = gloo::utils::document().create_element("script").ok()?;
    script.set_attribute("type", "module").ok()?;
    script.set_attribute("src", BOOT).ok()?;
    gloo::utils::body().append_child(&script).ok()?;
    Some(port)
}

/// Posts the current scenario and language to the panel, if it was opened.
pub fn sync(state: &AppState) {
    use adoption_formats::ScenarioJson;
    if let Some(port) = page_port() {
        let message = format!("{} {}", state.lang.code(), state.scenario.to_json());
        let _ = port.post_message(&message.into());
    }
}

/// A scenario message's language code and JSON text.
pub fn read_scenario(message: &str) -> Option<(&str, &str)> {
    message.split_once(' ')
}

/// "Use this mix" as one number: `v·10⁶ + t·10³ + p` for whole percents `[v, t, p]`.
pub fn encode_percents(p: Percents) -> f64 {
    f64::from(p[0]) * 1e6 + f64::from(p[1]) * 1e3 + f64::from(p[2])
}

/// The whole percents of [`encode_percents`], if they add up to 100.
pub fn decode_percents(n: f64) -> Option<Percents> {
    if !(0.0..=100_100_100.0).contains(&n) || n.fract() != 0.0 {
        return None;
    }
    let n = n as u32;
    let p = [n / 1_000_000, n / 1000 % 1000, n % 1000];
    (p[0] + p[1] + p[2] == 100).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents_round_trip_and_bad_numbers_are_refused() {
        assert_eq!(encode_percents([60, 0, 40]), 60_000_040.0);
        for p in [
            [60, 0, 40],
            [5, 15, 80],
            [100, 0, 0],
            [0, 0, 100],
            [0, 100, 0],
        ] {
            assert_eq!(decode_percents(encode_percents(p)), Some(p));
        }
        for bad in [60_000_041.0, 0.0, -1.0, 1.5, f64::NAN, 1e12, 60_100_000.0] {
            assert_eq!(decode_percents(bad), None, "{bad}");
        }
    }

    #[test]
    fn scenario_messages_split_at_the_first_space() {
        assert_eq!(read_scenario("es {\"a\": 1}"), Some(("es", "{\"a\": 1}")));
        assert_eq!(read_scenario(OPEN), None);
    }

    #[test]
    fn use_mix_sets_exactly_the_grids_mix() {
        // Action::UseMix sets mix_of(percents): the cell's mix, bit for bit.
        for m in adoption_decide::optimize::mixes(0.05).unwrap_or_default() {
            let p = crate::mix::percents(&m);
            assert_eq!(crate::mix::mix_of(p), m, "{p:?}");
        }
    }
}
