//! Sharing: the link that reproduces this scenario exactly, and the embed dialog that
//! gives an `<iframe>` snippet for a web page.

use web_sys::{HtmlDialogElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::select_field::{SelectFieldProps, language_choices, select_field};
use crate::address::page_link;
use crate::i18n::Lang;
use crate::state::use_app;

/// Copies text to the clipboard; when the browser refuses, selects it in its box so the
/// user can copy it by hand. `done` hears whether the clipboard took it.
pub fn copy(text: String, fallback: NodeRef, done: Callback<bool>) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
            .await
            .is_ok();
        if let Some(area) = fallback.cast::<HtmlTextAreaElement>().filter(|_| !ok) {
            area.select();
        }
        done.emit(ok);
    });
}

/// The share link and the Embed button.
#[component]
pub fn Share() -> Html {
    let app = use_app();
    let t = app.lang.texts();
    let link = page_link(&app, None);
    let link_box = use_node_ref();
    let copied = use_state(|| false);
    let dialog = use_node_ref();
    let on_copy = {
        let (link, link_box, copied) = (link.clone(), link_box.clone(), copied.clone());
        move |_| {
            let copied = copied.clone();
            copy(
                link.clone(),
                link_box.clone(),
                Callback::from(move |ok| copied.set(ok)),
            );
        }
    };
    let on_embed = {
        let dialog = dialog.clone();
        move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        }
    };
    html! {
        <section class="share" aria-labelledby="share-heading">
            <h3 id="share-heading">{ t.share_heading }</h3>
            <label for="share-link">{ t.share_link }</label>
            <div class="copy-row">
                <textarea id="share-link" ref={link_box} readonly=true rows="2" value={link} />
                <button type="button" id="copy-link" onclick={on_copy}>{ if *copied { t.copied } else { t.copy } }</button>
            </div>
            <button type="button" id="open-embed" onclick={on_embed}>{ t.embed }</button>
            <EmbedDialog node={dialog} />
        </section>
    }
}

/// Properties of [`EmbedDialog`].
#[derive(Properties, PartialEq)]
struct EmbedDialogProps {
    node: NodeRef,
}

/// The `<dialog>` with the iframe snippet and its options.
#[component]
fn EmbedDialog(props: &EmbedDialogProps) -> Html {
    let app = use_app();
    let t = app.lang.texts();
    let lang = use_state(|| app.lang);
    let read_only = use_state(|| false);
    let code_box = use_node_ref();
    let copied = use_state(|| false);
    let mut options = vec![
        ("embed", "1".to_string()),
        ("lang", lang.code().to_string()),
    ];
    if *read_only {
        options.push(("ro", "1".to_string()));
    }
    let src = page_link(&app, Some(&options));
    let title = lang.texts().embed_title;
    let snippet = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"800\" height=\"600\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>",
        html_escape(&src),
        html_escape(title)
    );
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |code: String| {
            if let Some(l) = Lang::from_code(&code) {
                lang.set(l);
            }
        })
    };
    let on_ro = {
        let read_only = read_only.clone();
        move |e: Event| {
            read_only.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            )
        }
    };
    let on_copy = {
        let (snippet, code_box, copied) = (snippet.clone(), code_box.clone(), copied.clone());
        move |_| {
            let copied = copied.clone();
            copy(
                snippet.clone(),
                code_box.clone(),
                Callback::from(move |ok| copied.set(ok)),
            );
        }
    };
    let on_close = {
        let node = props.node.clone();
        move |_| {
            if let Some(d) = node.cast::<HtmlDialogElement>() {
                d.close();
            }
        }
    };
    html! {
        <dialog ref={props.node.clone()} class="embed-dialog" aria-labelledby="embed-heading">
            <h2 id="embed-heading">{ t.embed_heading }</h2>
            { select_field(SelectFieldProps {
                id: "embed-lang".into(),
                label: t.language.into(),
                choices: language_choices(),
                selected: lang.code().into(),
                onchange: on_lang,
            }) }
            <label class="check" for="embed-ro">
                <input type="checkbox" id="embed-ro" checked={*read_only} onchange={on_ro} />
                { t.embed_read_only }
            </label>
            <label for="embed-code">{ t.embed_code }</label>
            <textarea id="embed-code" ref={code_box} readonly=true rows="4" value={snippet} />
            <div class="buttons">
                <button type="button" id="copy-embed" onclick={on_copy}>{ if *copied { t.copied } else { t.copy } }</button>
                <button type="button" id="close-embed" onclick={on_close}>{ t.close }</button>
            </div>
        </dialog>
    }
}

/// Text safe inside an HTML attribute.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
