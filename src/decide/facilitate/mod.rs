//! The facilitator's view (issue 11): a page of the same static site
//! (`assets/facilitate.html`, `<body data-view="facilitate">`) that loads the best-mix
//! module and mounts this view instead of the panel. The facilitator gathers hand-in links
//! (pasted text, files, QR codes from the camera), kept in the browser, and sees what
//! people want and what it would achieve; nothing is sent anywhere.
//!
//! | Module | Part |
//! |---|---|
//! | [`gather`] | the gathered set, its stored form, reading it, density cells, the CSV (pure) |
//! | [`store`] | the set in the browser's storage |
//! | [`want`] | "What came in" and "What people want" |
//! | [`achieve`] | "What it would achieve": aggregates and each plan on the shared pool |
//! | [`scan`] | QR codes from the camera, where the browser has a barcode detector |

pub mod achieve;
pub mod gather;
pub mod scan;
pub mod store;
pub mod want;

use std::collections::HashMap;
use std::rc::Rc;

use adoption_formats::handin::MAX_TEXT_BYTES;
use adoption_formats::link;
use adoption_formats::message::Message;
use adoption_formats::preset::PRESETS;
use adoption_model::Scenario;
use web_sys::{DragEvent, File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::search::Shared;
use crate::i18n::{Lang, fill, say_panel};
use crate::storage::WriteGuard;
use gather::{Gathered, Kind, Source};

/// The element the view mounts in.
const HOST_ID: &str = "facilitate";

/// Mounts the view in `#facilitate` (made if the page lacks it).
pub fn mount() {
    let document = gloo::utils::document();
    let host = match document.get_element_by_id(HOST_ID) {
        Some(h) => h,
        None => {
            let Ok(h) = document.create_element("main") else {
                return;
            };
            h.set_id(HOST_ID);
            if gloo::utils::body().append_child(&h).is_err() {
                return;
            }
            h
        }
    };
    host.set_inner_html("");
    yew::Renderer::<Facilitate>::with_root(host).render();
}

/// What the page's address asks: the language (`?lang=`, else the browser's), the
/// consultation (`?consult=`) and the official plan (a scenario link's, else the
/// reference preset's).
fn address() -> (Lang, String, Rc<Scenario>) {
    let window = gloo::utils::window();
    let search = window.location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let param = |key: &str| params.as_ref().and_then(|p| p.get(key));
    let lang = param("lang")
        .and_then(|c| Lang::from_code(&c))
        .or_else(|| {
            window
                .navigator()
                .language()
                .and_then(|c| Lang::from_code(&c))
        })
        .unwrap_or_default();
    let official = if link::is_link(&search) {
        link::read(&search).scenario
    } else {
        PRESETS[0].scenario()
    };
    (
        lang,
        param("consult").unwrap_or_default(),
        Rc::new(official),
    )
}

/// A notice the view shows until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The browser's storage refused the set (full, or not available).
    StoreFull,
    /// The stored set could not be read; it was kept under this key.
    StoreKept(String),
    /// The stored set could not be read, nor copied aside: nothing is stored over it.
    StoreLocked,
    /// An imported file is not a set.
    ImportBad,
    /// Adding would pass [`MAX_TEXT_BYTES`].
    TooLarge,
    /// A file could not be read as text.
    FileUnreadable(String),
    /// The camera could not start (the browser's words).
    ScanFailed(String),
}

/// The gathered set and the view's choices: every change goes through [`Change`].
#[derive(Clone, Debug, PartialEq)]
pub struct Gathering {
    /// The gathered texts.
    pub sources: Rc<Vec<Source>>,
    /// The consultation code typed (empty: the code most plans carry).
    pub filter: String,
    /// What to tell the facilitator.
    pub notice: Option<Notice>,
    /// Changes since load (0: nothing to store yet).
    pub revision: u64,
    /// Whether the set may be stored (see [`store::load`]).
    pub store_guard: WriteGuard,
}

/// A change of the [`Gathering`].
pub enum Change {
    /// Texts gathered (refused whole when the set would pass [`MAX_TEXT_BYTES`]); QR
    /// codes join the camera's one text.
    Add(Vec<Source>),
    /// An imported set replaces the gathered one.
    Replace(Vec<Source>),
    /// Everything removed.
    Clear,
    /// The consultation code typed.
    Filter(String),
    /// Something to tell.
    Notify(Notice),
    /// The notice read.
    Dismiss,
}

impl Reducible for Gathering {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Add(new) => {
                if gather::bytes(&self.sources) + gather::bytes(&new) > MAX_TEXT_BYTES {
                    next.notice = Some(Notice::TooLarge);
                    return Rc::new(next);
                }
                let mut sources = (*self.sources).clone();
                for s in new {
                    match sources
                        .iter_mut()
                        .find(|o| s.kind == Kind::Scan && o.kind == Kind::Scan)
                    {
                        Some(scans) => {
                            if !scans.text.is_empty() && !scans.text.ends_with('\n') {
                                scans.text.push('\n');
                            }
                            scans.text.push_str(&s.text);
                        }
                        None => sources.push(s),
                    }
                }
                next.sources = Rc::new(sources);
                next.revision += 1;
            }
            Change::Replace(sources) => {
                next.sources = Rc::new(sources);
                next.revision += 1;
            }
            Change::Clear => {
                next.sources = Rc::default();
                next.revision += 1;
            }
            Change::Filter(f) => next.filter = f,
            Change::Notify(n) => next.notice = Some(n),
            Change::Dismiss => next.notice = None,
        }
        Rc::new(next)
    }
}

/// Each gathered text's name as the view shows it ("Pasted text 2", a file's name).
pub fn source_names(sources: &[Source], lang: Lang) -> Vec<String> {
    let f = lang.facilitate();
    let mut pastes = 0;
    sources
        .iter()
        .map(|s| match s.kind {
            Kind::Paste => {
                pastes += 1;
                fill(
                    f.source_paste,
                    &[&crate::format::count(f64::from(pastes), lang)],
                )
            }
            Kind::File => s.name.clone(),
            Kind::Scan => f.source_scan.to_string(),
        })
        .collect()
}

/// The view's words for a notice.
fn notice_text(n: &Notice, lang: Lang) -> String {
    let f = lang.facilitate();
    match n {
        Notice::StoreFull => f.store_full.into(),
        Notice::StoreKept(backup) => fill(f.store_kept, &[backup]),
        Notice::StoreLocked => f.store_locked.into(),
        Notice::ImportBad => f.import_bad.into(),
        Notice::TooLarge => fill(
            f.too_large,
            &[&crate::format::count((MAX_TEXT_BYTES / 1024) as f64, lang)],
        ),
        Notice::FileUnreadable(name) => fill(f.file_unreadable, &[name]),
        Notice::ScanFailed(why) => fill(f.scan_failed, &[why]),
    }
}

/// Reads picked or dropped files as texts and adds them (a file over [`MAX_TEXT_BYTES`] or
/// not text is refused with its name).
fn read_files(files: Vec<File>, gathering: UseReducerDispatcher<Gathering>, import: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut texts = Vec::new();
        for file in files {
            if file.size() > MAX_TEXT_BYTES as f64 {
                gathering.dispatch(Change::Notify(Notice::TooLarge));
                continue;
            }
            let name = file.name();
            match wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
            {
                Some(text) => texts.push((name, text)),
                None => gathering.dispatch(Change::Notify(Notice::FileUnreadable(name))),
            }
        }
        if import {
            for (_, text) in texts {
                match gather::from_json(&text) {
                    Some(set) => gathering.dispatch(Change::Replace(set)),
                    None => gathering.dispatch(Change::Notify(Notice::ImportBad)),
                }
            }
        } else if !texts.is_empty() {
            gathering.dispatch(Change::Add(
                texts
                    .into_iter()
                    .map(|(name, text)| Source {
                        kind: Kind::File,
                        name,
                        text,
                    })
                    .collect(),
            ));
        }
    });
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The facilitator's view.
#[component]
pub fn Facilitate() -> Html {
    let (lang, consult, official) = use_memo((), |_| address()).as_ref().clone();
    let gathering = use_reducer(|| {
        let (sources, notice, store_guard) = store::load();
        Gathering {
            sources: Rc::new(sources),
            filter: consult.clone(),
            notice,
            revision: 0,
            store_guard,
        }
    });
    // Each change of the set is stored; a refusal says so and keeps the set on the page.
    {
        let (sources, revision, guard, dispatcher) = (
            gathering.sources.clone(),
            gathering.revision,
            gathering.store_guard,
            gathering.dispatcher(),
        );
        use_effect_with(revision, move |&revision| {
            if revision > 0
                && let Err(notice) = store::save(&sources, guard)
            {
                dispatcher.dispatch(Change::Notify(notice));
            }
        });
    }
    use_effect_with(lang, |lang| {
        let document = gloo::utils::document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document.set_title(lang.facilitate().heading);
    });
    let shared = use_memo((), |_| Shared::default());
    let own = use_reducer(achieve::Own::default);
    let read = {
        let filter = gathering.filter.trim().to_string();
        use_memo((gathering.sources.clone(), filter), |(sources, filter)| {
            let code = (!filter.is_empty()).then_some(filter.as_str());
            gather::gather(sources, code).map(Rc::new)
        })
    };
    let f = lang.facilitate();
    let names = source_names(&gathering.sources, lang);

    let textarea = use_node_ref();
    let on_add = {
        let (textarea, g) = (textarea.clone(), gathering.dispatcher());
        Callback::from(move |_: MouseEvent| {
            if let Some(t) = textarea.cast::<HtmlTextAreaElement>() {
                let text = t.value();
                if !text.trim().is_empty() {
                    g.dispatch(Change::Add(vec![Source {
                        kind: Kind::Paste,
                        name: String::new(),
                        text,
                    }]));
                    t.set_value("");
                }
            }
        })
    };
    let on_files = {
        let g = gathering.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                read_files(file_list(input.files()), g.clone(), false);
                input.set_value("");
            }
        })
    };
    let on_import = {
        let g = gathering.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                read_files(file_list(input.files()), g.clone(), true);
                input.set_value("");
            }
        })
    };
    let on_drag = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let g = gathering.dispatcher();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let files = file_list(e.data_transfer().and_then(|d| d.files()));
            read_files(files, g.clone(), false);
        })
    };
    let on_filter = {
        let g = gathering.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                g.dispatch(Change::Filter(input.value()));
            }
        })
    };
    let on_export = {
        let sources = gathering.sources.clone();
        Callback::from(move |_: MouseEvent| {
            crate::export::download_text(
                "consultation-set.json",
                "application/json",
                &gather::to_json(&sources),
            );
        })
    };
    let on_clear = {
        let g = gathering.dispatcher();
        let confirm = f.clear_confirm;
        Callback::from(move |_: MouseEvent| {
            if gloo::utils::window()
                .confirm_with_message(confirm)
                .unwrap_or(false)
            {
                g.dispatch(Change::Clear);
            }
        })
    };
    let on_dismiss = {
        let g = gathering.dispatcher();
        Callback::from(move |_: MouseEvent| g.dispatch(Change::Dismiss))
    };
    let on_scanned = {
        let g = gathering.dispatcher();
        Callback::from(move |text: String| {
            g.dispatch(Change::Add(vec![Source {
                kind: Kind::Scan,
                name: String::new(),
                text,
            }]))
        })
    };
    let on_scan_failed = {
        let g = gathering.dispatcher();
        Callback::from(move |why: String| g.dispatch(Change::Notify(Notice::ScanFailed(why))))
    };

    let (filter_error, gathered): (Option<Message>, Option<Rc<Gathered>>) = match read.as_ref() {
        Ok(g) => (None, Some(g.clone())),
        Err(m) => (Some(m.clone()), None),
    };
    let main_link = format!("./?lang={}", lang.code());
    html! {
        <ContextProvider<Shared> context={(*shared).clone()}>
        <div class="facilitate" lang={lang.code()}>
            <header class="fac-header">
                <h1>{ f.heading }</h1>
                <p>{ f.intro }</p>
                <p class="no-print"><a href={main_link}>{ f.back }</a></p>
            </header>
            if let Some(n) = &gathering.notice {
                <div class="notice fac-notice" role="alert">
                    <p>{ notice_text(n, lang) }</p>
                    <button type="button" onclick={on_dismiss}>{ f.dismiss }</button>
                </div>
            }
            <section class="fac-gather no-print" aria-labelledby="fac-gather-heading"
                ondragover={on_drag.clone()} ondragenter={on_drag} ondrop={on_drop}>
                <h2 id="fac-gather-heading">{ f.gather_heading }</h2>
                <label for="fac-paste">{ f.paste_label }</label>
                <textarea id="fac-paste" ref={textarea} rows="6" spellcheck="false" />
                <div class="fac-row">
                    <button type="button" onclick={on_add}>{ f.add_text }</button>
                </div>
                <label for="fac-files">{ f.files_label }</label>
                <input id="fac-files" type="file" multiple=true accept=".txt,.csv,.eml,text/*" onchange={on_files} />
                <scan::Scan {lang} onscanned={on_scanned} onfailed={on_scan_failed} />
                <label for="fac-filter">{ f.filter_label }</label>
                <input id="fac-filter" type="text" value={gathering.filter.clone()} oninput={on_filter}
                    autocomplete="off" spellcheck="false"
                    aria-invalid={filter_error.is_some().to_string()}
                    aria-describedby={filter_error.as_ref().map(|_| "fac-filter-error")} />
                if let Some(m) = &filter_error {
                    <p id="fac-filter-error" class="fac-error">{ say_panel(m, lang) }</p>
                }
                if !gathering.sources.is_empty() {
                    <h3>{ f.sources_heading }</h3>
                    <ul class="fac-sources">
                        { for gathering.sources.iter().zip(&names).map(|(s, name)| html! {
                            <li>{ format!("{name} · {}", lang.counts(f.source_lines, &[s.text.lines().count() as u64])) }</li>
                        }) }
                    </ul>
                }
                <div class="fac-row">
                    <button type="button" onclick={on_export} disabled={gathering.sources.is_empty()}>{ f.export_set }</button>
                    <label class="fac-file-button">{ f.import_set }
                        <input id="fac-import" type="file" accept=".json,application/json" onchange={on_import} />
                    </label>
                    <button type="button" onclick={on_clear} disabled={gathering.sources.is_empty()}>{ f.clear }</button>
                </div>
            </section>
            if let Some(g) = gathered {
                <want::Want gathered={g.clone()} names={Rc::new(names.clone())} official={official.clone()} {lang} />
                if g.summary.valid > 0 {
                    <achieve::Achieve gathered={g.clone()} official={official.clone()} own={own.clone()} {lang} />
                }
                <want::Submissions gathered={g.clone()} names={Rc::new(names)} official={official.clone()} own={own.by_nonce.clone()} {lang} />
            }
        </div>
        </ContextProvider<Shared>>
    }
}

/// The CSV of every submission, with each plan's own outcome where computed.
pub fn csv_of(
    g: &Gathered,
    names: &[String],
    own: &HashMap<u64, achieve::OwnOutcome>,
    lang: Lang,
) -> String {
    gather::csv(g, names, own, &|m| say_panel(m, lang))
}
