//! The rendered width of an element, kept current by a `ResizeObserver`.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// Width in CSS pixels of the element behind `node` (`fallback` until it is measured).
///
/// Charts draw at their real pixel size so that text stays legible from a 360 px phone
/// to a desktop, instead of shrinking with an SVG viewBox.
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state_eq(|| fallback);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            // NOTE: no first reading with getBoundingClientRect here: in this effect it
            // would force the whole page's layout inside the first render's task (25-38 ms
            // measured, 4x that on Lighthouse's phone). The observer reports the element's
            // size once anyway, after the browser's own layout and before that frame's paint.
            let observed = node.cast::<Element>().and_then(|element| {
                let on_resize =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                            let w = entry.content_rect().width().round();
                            if w > 0.0 {
                                width.set(w);
                            }
                        }
                    });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _closure)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}
