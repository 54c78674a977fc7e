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
//! | page → panel | [`handin_message`] | hand in the plan shown (a consultation's participant): the panel's module opens the hand-in dialog ([`super::handin`]) |
//! | panel → page | a number, [`encode_percents`] | "Use this mix": whole percents adding up to 100 |
//! | panel → page | `budget <EUR>`, [`budget_order`] | "Use this budget" |
//! | panel → page | `diffusion <p low mode high> <q low mode high>`, [`diffusion_order`] | calibration's "Apply" |
//! | page → panel | [`population_request`] | read a population file (CSV) |
//! | panel → page | [`population_reply`] | its segments, or its problems |
//!
//! NOTE: the panel is its own WebAssembly module with its own copy of yew, and draws in a
//! `<dialog>` of its own outside the page's `#app`: two yew instances must not share a DOM
//! subtree (each marks the elements it renders with listener ids of its own numbering, and
//! the page's event delegation would read the panel's as its own). The channel also keeps
//! the page's module small: it reuses the workers' message plumbing (a closure over a
//! `MessageEvent`, a port's `onmessage`), so the page gains no new JavaScript glue.

use wasm_bindgen::closure::Closure;
use web_sys::{MessageChannel, MessageEvent, MessagePort};

use adoption_model::decimal;
use adoption_model::param::Range;

use adoption_formats::message::Message;
use adoption_formats::population::PopulationError;
use adoption_model::scenario::Segment;

use crate::components::files::Dispatcher;
use crate::mix::Percents;
use crate::state::{Action, AppState, FileProblem, Notice, StateHandle};

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
/// asks the panel to show itself and posts the current scenario.
// NOTE: the port lives on `window`, not in a thread-local: this is the page's module,
// whose every byte counts (a thread-local's lazy set-up costs more than a lookup).
pub fn open(app: &StateHandle) {
    let Some(port) = page_port().or_else(|| connect(&app.dispatcher())) else {
        return;
    };
    mark_opened();
    // "Open" first: the panel starts its workers on it, before the scenario starts a search.
    let _ = port.post_message(&OPEN.into());
    sync(app);
}

/// Page → panel's module: hand in the plan shown (see [`handin_message`]).
pub const HANDIN: &str = "handin";

/// "Hand in my plan": sends the shown plan and its figures to the panel's module (loaded
/// on first use), which opens the hand-in dialog.
pub fn hand_in(app: &StateHandle) {
    let Some(port) = page_port().or_else(|| connect(&app.dispatcher())) else {
        return;
    };
    if let Some(message) = handin_message(app) {
        let _ = port.post_message(&message.into());
    }
}

/// The hand-in message, lines: [`HANDIN`], the language's code, the page's address (the
/// hand-in link's base), the consultation's code, the group ("" for none), the figures the
/// page shows for the plan (extra adopters' mean, 5th and 95th percentiles, then each
/// target's chance), and the scenario's JSON (the rest). `None` without a consultation or
/// a result.
pub fn handin_message(state: &AppState) -> Option<String> {
    use adoption_formats::ScenarioJson;
    let c = state.consultation.as_ref()?;
    let shown = state.shown.as_ref()?;
    let h = &shown.summary.summary;
    let extra = &h.additional_adopters;
    let mut figures = vec![extra.mean, extra.p5, extra.p95];
    figures.extend(h.targets.iter().map(|t| t.probability));
    let figures: Vec<String> = figures.into_iter().map(decimal::display).collect();
    Some(format!(
        "{HANDIN}\n{}\n{}\n{}\n{}\n{}\n{}",
        state.lang.code(),
        crate::address::page_address(),
        c.setup.code,
        c.group,
        figures.join(" "),
        shown.scenario.to_json()
    ))
}

/// A [`handin_message`] read (the panel's side).
#[derive(Clone, Debug, PartialEq)]
pub struct HandinOrder {
    /// The language's code.
    pub lang: String,
    /// The hand-in link's base.
    pub base: String,
    /// The consultation's code.
    pub code: String,
    /// The group ("" for none).
    pub group: String,
    /// Extra adopters' mean, 5th and 95th percentiles.
    pub extra: [f64; 3],
    /// Each target's chance, in the scenario's order.
    pub chances: Vec<f64>,
    /// The scenario's JSON.
    pub scenario: String,
}

/// Reads a [`handin_message`]; `None` for any other message.
pub fn read_handin(text: &str) -> Option<HandinOrder> {
    let mut lines = text.splitn(7, '\n');
    if lines.next()? != HANDIN {
        return None;
    }
    let mut next = || lines.next().map(str::to_string);
    let (lang, base, code, group) = (next()?, next()?, next()?, next()?);
    let figures: Vec<f64> = next()?
        .split(' ')
        .map(decimal::parse)
        .collect::<Option<_>>()?;
    let scenario = next()?;
    let (extra, chances) = figures.split_first_chunk::<3>()?;
    Some(HandinOrder {
        lang,
        base,
        code,
        group,
        extra: *extra,
        chances: chances.to_vec(),
        scenario,
    })
}

/// Page → panel's module: read a population file (see [`population_request`]).
pub const POPULATION: &str = "population";
/// Panel → page: a population file's segments (see [`population_reply`]).
const POPULATION_READ: &str = "population-read";
/// Panel → page: a population file's problems (see [`population_reply`]).
const POPULATION_REFUSED: &str = "population-refused";
/// Separates the problems of a refused population file (ASCII's record separator).
const RECORD: char = '\u{1e}';

/// Reads a population file (CSV) in the panel's module, loaded on first use: its reader
/// is not part of the page's first load (8.7 KB gzip less, measured). The reply
/// becomes the import, or the file's refusal, through the reducer like any import.
pub fn read_population(app: &Dispatcher, file: String, text: &str) {
    if let Some(port) = page_port().or_else(|| connect(app)) {
        let _ = port.post_message(&population_request(&file, text).into());
    }
}

/// The request, lines: [`POPULATION`], the file's name (on one line), then its text.
pub fn population_request(file: &str, text: &str) -> String {
    format!("{POPULATION}\n{}\n{text}", file.replace(['\n', '\r'], " "))
}

/// A [`population_request`] read (the panel's side): the file's name and text.
pub fn read_population_request(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix(POPULATION)?.strip_prefix('\n')?;
    rest.split_once('\n')
}

/// The panel's answer to a [`population_request`]: the file's name, then its segments as
/// JSON, or its problems (each a [`Message::encode`]).
pub fn population_reply(file: &str, read: &Result<Vec<Segment>, PopulationError>) -> String {
    match read {
        Ok(segments) => format!(
            "{POPULATION_READ}\n{file}\n{}",
            serde_json::to_string(segments).unwrap_or_default()
        ),
        Err(e) => {
            let problems: Vec<String> = e.lines().iter().map(Message::encode).collect();
            format!(
                "{POPULATION_REFUSED}\n{file}\n{}",
                problems.join(&RECORD.to_string())
            )
        }
    }
}

/// The page's action for a [`population_reply`], if the text is one.
pub fn read_population_reply(text: &str) -> Option<Action> {
    let (kind, rest) = text.split_once('\n')?;
    let (file, body) = rest.split_once('\n')?;
    let file = file.to_string();
    match kind {
        POPULATION_READ => Some(Action::ImportPopulation {
            file,
            segments: serde_json::from_str(body).ok()?,
        }),
        POPULATION_REFUSED => {
            let problems = body
                .split(RECORD)
                .map(Message::decode)
                .collect::<Option<_>>()?;
            Some(Action::Notify(Notice::PopulationFile {
                file,
                problem: FileProblem::Refused(problems),
            }))
        }
        _ => None,
    }
}

/// The `window` property set once the panel has been shown: only then does the page keep
/// it told of every change (an import or a hand-in loads its module, not the panel).
const OPENED: &str = "adoptionDecideOpened";

fn mark_opened() {
    let _ = js_sys::Reflect::set(&gloo::utils::window(), &OPENED.into(), &true.into());
}

fn was_opened() -> bool {
    js_sys::Reflect::get(&gloo::utils::window(), &OPENED.into()).is_ok_and(|v| v.is_truthy())
}

/// Makes the channel, listens for the panel's orders and answers, and loads the panel's
/// module.
fn connect(app: &Dispatcher) -> Option<MessagePort> {
    let channel = MessageChannel::new().ok()?;
    let dispatcher = app.clone();
    let on_use = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        if let Some(p) = data.as_f64().and_then(decode_percents) {
            dispatcher.dispatch(Action::UseMix(p));
        } else if let Some(text) = data.as_string()
            && let Some(a) = read_population_reply(&text).or_else(|| read_order(&text))
        {
            dispatcher.dispatch(a);
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
    // A participant's page has no best-mix panel: its module, loaded for the hand-in,
    // must not search in the background at every change.
    if state.consultation.is_some() || !was_opened() {
        return;
    }
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

/// "Use this budget" (the panel's side).
pub fn budget_order(eur: f64) -> String {
    format!("{BUDGET} {}", decimal::display(eur))
}

/// Calibration's "Apply": p's and q's low, mode and high (the panel's side).
pub fn diffusion_order(p: [f64; 3], q: [f64; 3]) -> String {
    let mut text = DIFFUSION.to_string();
    for v in p.iter().chain(&q) {
        text.push(' ');
        text.push_str(&decimal::display(*v));
    }
    text
}

/// The page's action for a [`budget_order`] or [`diffusion_order`] message, if it is one.
pub fn read_order(text: &str) -> Option<Action> {
    let mut words = text.split(' ');
    let kind = words.next()?;
    let n: Vec<f64> = words.map(decimal::parse).collect::<Option<_>>()?;
    let range = |v: &[f64]| Range {
        low: v[0],
        mode: Some(v[1]),
        high: v[2],
    };
    match (kind, n.as_slice()) {
        (BUDGET, &[eur]) => Some(Action::SetBudget(eur)),
        (DIFFUSION, v) if v.len() == 6 => {
            Some(Action::SetDiffusion(range(&v[..3]), range(&v[3..])))
        }
        _ => None,
    }
}

const BUDGET: &str = "budget";
const DIFFUSION: &str = "diffusion";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_and_diffusion_orders_round_trip_exactly() {
        let b = 1_234_567.891_234_5;
        assert_eq!(read_order(&budget_order(b)), Some(Action::SetBudget(b)));
        let (p, q) = ([0.000_123_4, 0.003, 0.1], [0.2, 0.4 / 3.0, 0.9]);
        let Some(Action::SetDiffusion(rp, rq)) = read_order(&diffusion_order(p, q)) else {
            panic!("not read")
        };
        assert_eq!([rp.low, rp.mode.unwrap_or(0.0), rp.high], p);
        assert_eq!([rq.low, rq.mode.unwrap_or(0.0), rq.high], q);
        for bad in [
            "budget",
            "budget x",
            "budget 1 2",
            "diffusion 1 2 3",
            "mix 1",
            "",
            "60000040",
        ] {
            assert_eq!(read_order(bad), None, "{bad}");
        }
    }

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
    fn handin_orders_are_read_whole_or_not_at_all() {
        let text = "handin\nes\nhttps://x.org/sim/\ncant26\nBesaya\n90.5 60 120 0.72\n{\"a\":\n1}";
        let order = read_handin(text).expect("read");
        assert_eq!(order.extra, [90.5, 60.0, 120.0]);
        assert_eq!(order.chances, [0.72]);
        assert_eq!(
            (order.code.as_str(), order.group.as_str()),
            ("cant26", "Besaya")
        );
        assert_eq!(order.scenario, "{\"a\":\n1}");
        for bad in [
            "handin\nes\nb\nc\ng\n1 2\n{}",
            "handin\nes\nb\nc\ng\n1 2 x\n{}",
            "handin\nes\nb\nc\ng\n1 2 3",
            "open",
            "es {}",
        ] {
            assert_eq!(read_handin(bad), None, "{bad}");
        }
    }

    #[test]
    fn population_files_cross_exactly_and_refusals_keep_their_problems() {
        use adoption_formats::population::{parse_csv, template};
        for preset in adoption_formats::preset::PRESETS {
            let segments = preset.scenario().segments;
            let request = population_request("a\nb.csv", &template(&segments));
            let (file, csv) = read_population_request(&request).expect("request");
            assert_eq!(file, "a b.csv");
            let reply = population_reply(file, &parse_csv(csv));
            let Some(Action::ImportPopulation {
                file,
                segments: back,
            }) = read_population_reply(&reply)
            else {
                panic!("not an import: {reply}")
            };
            assert_eq!(
                (file.as_str(), &back),
                ("a b.csv", &segments),
                "{}",
                preset.name
            );
        }
        let bad = "name,firms\nx,-3\ny\n";
        let problems = parse_csv(bad).expect_err("refused").lines();
        let reply = population_reply("bad.csv", &parse_csv(bad));
        assert_eq!(
            read_population_reply(&reply),
            Some(Action::Notify(Notice::PopulationFile {
                file: "bad.csv".into(),
                problem: FileProblem::Refused(problems),
            }))
        );
        for garbage in [
            "",
            "population-read\nf\n[{]",
            "population-refused\nf\nzz",
            "population-read\nf",
            "budget 1",
            "population\nf\nx",
        ] {
            assert_eq!(read_population_reply(garbage), None, "{garbage}");
        }
        assert_eq!(read_population_request("population"), None);
        assert_eq!(read_population_request("es {}"), None);
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
