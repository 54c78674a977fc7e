//! "Hand in my plan" (a consultation's participant): the dialog with the hand-in link,
//! its QR code, a copy button, a file to download, and a plain-language card of the plan
//! with the figures the page shows for it. Nothing is sent anywhere.
//!
//! The page sends the plan over the channel ([`bridge::handin_message`]); each hand-in
//! draws a fresh nonce from `crypto.getRandomValues`, so two hand-ins of the same plan are
//! two participants, and one hand-in link copied twice is one.

use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;

use adoption_formats::ScenarioJson;
use adoption_formats::handin::Submission;
use adoption_model::Scenario;
use qrcodegen::{QrCode, QrCodeEcc};
use wasm_bindgen::JsCast;
use web_sys::HtmlDialogElement;
use yew::AppHandle;
use yew::prelude::*;

use super::bridge::HandinOrder;
use crate::components::share::copy;
use crate::export::download_text;
use crate::format;
use crate::i18n::{Lang, fill, say_panel};
use crate::narrative::target_label;

/// The dialog's element id.
const HOST_ID: &str = "handin-dialog";

/// Quiet zone around the QR code, in modules (the standard's minimum).
const QR_BORDER: i32 = 4;

thread_local! {
    /// The dialog's yew app, once first shown.
    static APP: RefCell<Option<AppHandle<HandinDialog>>> = const { RefCell::new(None) };
}

/// Shows the dialog for the page's plan, with a fresh nonce.
pub fn show(order: HandinOrder) {
    let Some(host) = host() else {
        return;
    };
    let props = HandinProps {
        order: Rc::new(order),
        nonce: fresh_nonce(),
    };
    APP.with(|app| {
        let mut app = app.borrow_mut();
        match app.as_mut() {
            Some(handle) => handle.update(props),
            None => {
                *app = Some(
                    yew::Renderer::<HandinDialog>::with_root_and_props(host.clone().into(), props)
                        .render(),
                );
            }
        }
    });
    if !host.open() {
        let _ = host.show_modal();
    }
}

/// The dialog element, made on first use outside the page's `#app` (see [`bridge`]'s note).
///
/// [`bridge`]: super::bridge
fn host() -> Option<HtmlDialogElement> {
    let document = gloo::utils::document();
    if let Some(found) = document.get_element_by_id(HOST_ID) {
        return found.dyn_into().ok();
    }
    let host = document.create_element("dialog").ok()?;
    host.set_id(HOST_ID);
    host.set_class_name("handin-dialog");
    host.set_attribute("aria-labelledby", "handin-heading")
        .ok()?;
    gloo::utils::body().append_child(&host).ok()?;
    host.dyn_into().ok()
}

/// Eight random bytes from the browser's cryptographic source, `None` if it gives none.
fn fresh_nonce() -> Option<u64> {
    let mut bytes = [0u8; 8];
    let crypto = gloo::utils::window().crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(u64::from_be_bytes(bytes))
}

/// Properties of [`HandinDialog`].
#[derive(Properties, PartialEq)]
pub struct HandinProps {
    /// What the page sent.
    pub order: Rc<HandinOrder>,
    /// This hand-in's nonce.
    pub nonce: Option<u64>,
}

/// The plan and the scenario it was read from, or why it cannot be handed in.
fn submission(
    order: &HandinOrder,
    nonce: Option<u64>,
    lang: Lang,
) -> Result<(Submission, Scenario), String> {
    let h = lang.handin();
    let nonce = nonce.ok_or_else(|| h.no_random.to_string())?;
    let scenario =
        Scenario::from_json(&order.scenario).map_err(|e| say_panel(&e.message(), lang))?;
    let group = Some(order.group.as_str()).filter(|g| !g.is_empty());
    Submission::from_scenario(&scenario, &order.code, group, nonce)
        .map(|s| (s, scenario))
        .map_err(|m| say_panel(&m, lang))
}

/// The dialog's content.
#[component]
pub fn HandinDialog(props: &HandinProps) -> Html {
    let order = &props.order;
    let lang = Lang::from_code(&order.lang).unwrap_or_default();
    let (t, h) = (lang.texts(), lang.handin());
    let link_box = use_node_ref();
    // What the copy button last did: none yet, copied, or refused (the link is selected).
    let copied = use_state_eq(|| None::<bool>);
    let downloaded = use_state_eq(|| None::<String>);
    {
        // A new hand-in starts with no confirmations.
        let (copied, downloaded) = (copied.clone(), downloaded.clone());
        use_effect_with(props.nonce, move |_| {
            copied.set(None);
            downloaded.set(None);
        });
    }
    let on_close = Callback::from(|_| {
        if let Some(d) = host() {
            d.close();
        }
    });
    let close = html! {
        <button type="button" class="handin-close" onclick={on_close}>{ t.close }</button>
    };
    let (sub, scenario) = match submission(order, props.nonce, lang) {
        Ok(found) => found,
        Err(why) => {
            return html! {
                <div class="handin" lang={lang.code()}>
                    <h2 id="handin-heading">{ t.hand_in }</h2>
                    <p class="error" role="alert">{ h.refused }{ " " }{ why }</p>
                    { close }
                </div>
            };
        }
    };
    let link = sub.link(&order.base);
    let file = format!("handin-{}.txt", sub.consult);
    let on_copy = {
        let (link, link_box, copied) = (link.clone(), link_box.clone(), copied.clone());
        move |_| {
            let copied = copied.clone();
            copy(
                link.clone(),
                link_box.clone(),
                Callback::from(move |ok| copied.set(Some(ok))),
            );
        }
    };
    let on_download = {
        let (link, file, downloaded) = (link.clone(), file.clone(), downloaded.clone());
        move |_| {
            download_text(&file, "text/plain", &format!("{link}\n"));
            downloaded.set(Some(file.clone()));
        }
    };
    let status = match (*copied, (*downloaded).as_ref()) {
        (Some(true), _) => t.copied.to_string(),
        (Some(false), _) => h.copy_by_hand.to_string(),
        (None, Some(file)) => fill(h.downloaded, &[file]),
        (None, None) => String::new(),
    };
    html! {
        <div class="handin" lang={lang.code()}>
            <div class="handin-head">
                <h2 id="handin-heading">{ t.hand_in }</h2>
                { close }
            </div>
            { card(&sub, &scenario, order, lang) }
            <p class="handin-intro">{ h.intro }</p>
            { qr(&link, h.qr_label) }
            <label for="handin-link">{ h.link_label }</label>
            <textarea id="handin-link" ref={link_box} readonly=true rows="3" value={link.clone()} />
            <div class="handin-actions">
                <button type="button" id="handin-copy" onclick={on_copy}>{ t.copy }</button>
                <button type="button" id="handin-download" onclick={on_download}>{ h.download }</button>
            </div>
            <p class="handin-status" role="status" data-testid="handin-status">{ status }</p>
            <p class="handin-private"><strong>{ h.nothing_sent }</strong></p>
        </div>
    }
}

/// The plan in words with the figures the page showed for it.
fn card(sub: &Submission, scenario: &Scenario, order: &HandinOrder, lang: Lang) -> Html {
    let h = lang.handin();
    let [v, tr, p] = sub
        .percents
        .map(|p| format::percent(f64::from(p) / 100.0, 0, lang));
    let plan = fill(
        h.plan,
        &[&v, &tr, &p, &format::eur(sub.budget_eur as f64, lang)],
    );
    let [mean, low, high] = order.extra.map(|x| format::count(x, lang));
    let year = scenario.headline_year().to_string();
    let outcome = fill(h.outcome, &[&mean, &year, &low, &high]);
    let chances = scenario
        .targets
        .iter()
        .zip(&order.chances)
        .map(|(target, chance)| {
            let label = target_label(target.kind, target.value, target.year, &target.label, lang);
            html! { <li>{ fill(h.chance, &[&format::percent(*chance, 0, lang), &label]) }</li> }
        });
    html! {
        <section class="handin-card" aria-labelledby="handin-card-heading" data-testid="handin-card">
            <h3 id="handin-card-heading">{ h.card_heading }</h3>
            <p data-testid="handin-plan">{ plan }</p>
            <p data-testid="handin-outcome">{ outcome }</p>
            if !order.chances.is_empty() {
                <ul class="handin-chances">{ for chances }</ul>
            }
            if let Some(g) = &sub.group {
                <p>{ fill(h.group, &[g]) }</p>
            }
        </section>
    }
}

/// The link as a QR code: an SVG path of the dark modules, a run of them a rectangle.
fn qr(link: &str, label: &str) -> Html {
    // Medium error correction: a hand-in link (at most ~120 characters) stays within
    // version 6 (41 modules), readable from a phone's screen.
    let Ok(code) = QrCode::encode_text(link, QrCodeEcc::Medium) else {
        return Html::default();
    };
    let n = code.size();
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && code.get_module(x, y) {
                x += 1;
            }
            let _ = write!(
                path,
                "M{},{}h{}v1h-{}z",
                start + QR_BORDER,
                y + QR_BORDER,
                x - start,
                x - start
            );
        }
    }
    let side = n + 2 * QR_BORDER;
    html! {
        <svg class="handin-qr" role="img" aria-label={label.to_string()} data-testid="handin-qr"
            viewBox={format!("0 0 {side} {side}")} shape-rendering="crispEdges">
            <rect width={side.to_string()} height={side.to_string()} fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}
