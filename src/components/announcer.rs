//! A polite live region that tells screen-reader users the new headline once the figures
//! settle, so a change made without looking at the results is still heard.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::format;
use crate::i18n::{self, Lang};
use crate::state::{Shown, Status, use_app};

/// How long the headline must stay the same before it is read out, in milliseconds: a
/// drag of a slider produces a result every few frames, and each would interrupt the last.
pub const ANNOUNCE_AFTER_MS: u32 = 1_000;

/// The headline in one sentence: the extra adopters at the headline year and their interval.
pub fn headline_sentence(shown: &Shown, lang: Lang) -> String {
    let h = &shown.summary.summary;
    let extra = &h.additional_adopters;
    let n = |v: f64| format::count(v, lang);
    i18n::fill(
        lang.texts().announce_headline,
        &[
            &h.headline_year.to_string(),
            &n(extra.mean),
            &n(extra.p5),
            &n(extra.p95),
        ],
    )
}

/// The visually hidden live region. The first result is not announced (it is what the page
/// opened with); each later one is, [`ANNOUNCE_AFTER_MS`] after the last finished result,
/// and a new simulation starting cancels an announcement still waiting.
#[component]
pub fn HeadlineAnnouncer() -> Html {
    let app = use_app();
    let sentence = match (&app.status, &app.shown) {
        (Status::Ready, Some(shown)) => Some(headline_sentence(shown, app.lang)),
        _ => None,
    };
    let announced = use_state(String::new);
    let seen_first = use_mut_ref(|| false);
    let waiting: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let announced = announced.clone();
        use_effect_with(sentence, move |sentence| {
            // Dropping a Timeout cancels it.
            let timer = match sentence {
                Some(text) if *seen_first.borrow() => {
                    let (text, announced) = (text.clone(), announced.clone());
                    Some(Timeout::new(ANNOUNCE_AFTER_MS, move || announced.set(text)))
                }
                Some(_) => {
                    *seen_first.borrow_mut() = true;
                    None
                }
                None => None,
            };
            *waiting.borrow_mut() = timer;
        });
    }
    html! {
        <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="headline-announcer">
            { (*announced).clone() }
        </p>
    }
}
