//! Helpers for the browser component tests: mount a tree into a fresh element, find things
//! in it, act on them as a user would, and let Yew finish rendering (never sleep).
//!
//! Every query is scoped to the test's own mount point, so a test that failed without
//! cleaning up cannot confuse the next one with duplicate ids.

#![allow(dead_code)] // Each test module uses a different subset.

use std::cell::RefCell;
use std::rc::Rc;

use adoption_model::{Scenario, Summary, simulate};
use adoption_widget::state::{Action, AppProvider, AppState, JobId, StateHandle, use_app};
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, InputEvent, InputEventInit,
    KeyboardEvent, KeyboardEventInit, SvgElement,
};
use yew::AppHandle;
use yew::prelude::*;

/// Width of the mount point unless a test asks for another (charts draw at real size).
pub const DEFAULT_WIDTH: f64 = 800.0;

/// Renders whatever [`Html`] it is given: lets a test mount any tree.
#[derive(Properties, PartialEq)]
pub struct HarnessProps {
    /// The tree under test.
    pub content: Html,
}

/// The root component of every test mount.
#[component]
pub fn Harness(props: &HarnessProps) -> Html {
    props.content.clone()
}

/// A tree mounted into its own `<div>` under `<body>`; unmounted and removed on drop.
pub struct Mounted {
    root: Element,
    handle: Option<AppHandle<Harness>>,
}

/// Mounts `content` into a fresh `<div>` [`DEFAULT_WIDTH`] pixels wide and waits for the
/// first render (and the effects it schedules) to finish.
pub async fn mount(content: Html) -> Mounted {
    mount_sized(content, DEFAULT_WIDTH).await
}

/// Mounts `content` into a fresh `<div>` `width` CSS pixels wide.
pub async fn mount_sized(content: Html, width: f64) -> Mounted {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create a div");
    root.set_attribute("style", &format!("width: {width}px"))
        .expect("set the width");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("append the mount point");
    let handle =
        yew::Renderer::<Harness>::with_root_and_props(root.clone(), HarnessProps { content })
            .render();
    flush().await;
    // A chart takes its width from its ResizeObserver, which reports after the browser's
    // next layout (src/hooks/use_width.rs): let that frame pass, then the render it asks for.
    next_frame().await;
    flush().await;
    Mounted {
        root,
        handle: Some(handle),
    }
}

/// Resolves at the browser's next animation frame, after which its ResizeObservers have
/// reported.
pub async fn next_frame() {
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            let _ = gloo::utils::window().request_animation_frame(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    }
}

/// Opens the `<details>` at `selector` (as a click on its summary does) and waits until it
/// has drawn its contents, which closed sections leave undrawn.
pub async fn open_details(page: &Mounted, selector: &str) {
    let details = page.get(selector);
    let _ = details.set_attribute("open", "");
    // The browser says so with a `toggle` event, in a task of its own.
    for _ in 0..20 {
        next_frame().await;
        flush().await;
        if details.child_element_count() > 1 {
            return;
        }
    }
    panic!("{selector} drew nothing once opened");
}

/// Runs every render and effect Yew has scheduled, and what they schedule in turn.
pub async fn flush() {
    yew::scheduler::flush().await;
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

impl Mounted {
    /// The mount point.
    pub fn root(&self) -> &Element {
        &self.root
    }

    /// The first element matching `selector`, if any.
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root
            .query_selector(selector)
            .unwrap_or_else(|_| panic!("invalid selector {selector:?}"))
    }

    /// The first element matching `selector`.
    ///
    /// # Panics
    /// If there is none, with the mounted HTML to show why.
    pub fn get(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| {
            panic!(
                "nothing matches {selector:?} in:\n{}",
                self.root.inner_html()
            )
        })
    }

    /// Every element matching `selector`, in document order.
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(selector)
            .unwrap_or_else(|_| panic!("invalid selector {selector:?}"));
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|node| node.unchecked_into::<Element>())
            .collect()
    }

    /// The element with `data-testid="{id}"`.
    pub fn by_test_id(&self, id: &str) -> Element {
        self.get(&format!("[data-testid={id:?}]"))
    }

    /// The text of the element matching `selector`, whitespace as rendered.
    pub fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }

    /// The text of the element with `data-testid="{id}"`.
    pub fn test_id_text(&self, id: &str) -> String {
        self.by_test_id(id).text_content().unwrap_or_default()
    }

    /// The `<input>` with this id.
    pub fn input(&self, id: &str) -> HtmlInputElement {
        self.get(&format!("#{id}"))
            .dyn_into::<HtmlInputElement>()
            .unwrap_or_else(|_| panic!("#{id} is not an <input>"))
    }

    /// The current value of the `<input>` with this id.
    pub fn value(&self, id: &str) -> String {
        self.input(id).value()
    }

    /// What the slider `id` shows as its value (its `<output>`).
    pub fn output(&self, id: &str) -> String {
        self.text(&format!("output[for={id:?}]"))
    }

    /// An attribute of the element matching `selector`.
    pub fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.get(selector).get_attribute(name)
    }
}

/// Sets an input's value and fires `input`, as dragging a slider or typing does.
pub fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    let event = InputEvent::new_with_event_init_dict("input", &init).expect("an input event");
    input.dispatch_event(&event).expect("dispatch input");
}

/// Fires `change`, as leaving a field or pressing Enter does.
pub fn commit(input: &HtmlInputElement) {
    fire(input, "change", true);
}

/// Types `text` into an input and commits it (`input`, then `change`).
pub fn enter(input: &HtmlInputElement, text: &str) {
    type_into(input, text);
    commit(input);
}

/// Fires a plain event of type `kind` at `target`.
pub fn fire(target: &Element, kind: &str, bubbles: bool) {
    let init = EventInit::new();
    init.set_bubbles(bubbles);
    let event = Event::new_with_event_init_dict(kind, &init).expect("an event");
    target.dispatch_event(&event).expect("dispatch event");
}

/// Clicks an element (a checkbox toggles and fires `input` and `change`).
pub fn click(element: &Element) {
    element
        .dyn_ref::<HtmlElement>()
        .expect("only HTML elements can be clicked")
        .click();
}

/// Fires `keydown` then `keyup` for `key` (e.g. `"Enter"`, `"ArrowRight"`) at an element.
pub fn press_key(element: &Element, key: &str) {
    for kind in ["keydown", "keyup"] {
        let init = KeyboardEventInit::new();
        init.set_bubbles(true);
        init.set_key(key);
        let event =
            KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init).expect("a key event");
        element.dispatch_event(&event).expect("dispatch key event");
    }
}

/// Moves keyboard focus to an HTML or SVG element (fires `focus`).
pub fn focus(element: &Element) {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        html.focus().expect("focus");
    } else {
        element
            .dyn_ref::<SvgElement>()
            .expect("an HTML or SVG element")
            .focus()
            .expect("focus");
    }
}

/// Takes keyboard focus away from an HTML or SVG element (fires `blur`).
pub fn blur(element: &Element) {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        html.blur().expect("blur");
    } else {
        element
            .dyn_ref::<SvgElement>()
            .expect("an HTML or SVG element")
            .blur()
            .expect("blur");
    }
}

/// Whether `element` has the class `name`.
pub fn has_class(element: &Element, name: &str) -> bool {
    element
        .get_attribute("class")
        .is_some_and(|classes| classes.split_whitespace().any(|c| c == name))
}

/// Whether `element` has keyboard focus.
pub fn has_focus(element: &Element) -> bool {
    gloo::utils::document()
        .active_element()
        .is_some_and(|active| &active == element)
}

/// A handle on the app state, captured from inside the tree by [`Probe`].
#[derive(Clone, Default)]
pub struct AppSlot(Rc<RefCell<Option<StateHandle>>>);

impl PartialEq for AppSlot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl AppSlot {
    /// The state as last rendered.
    pub fn get(&self) -> StateHandle {
        self.0
            .borrow()
            .clone()
            .expect("the Probe has not rendered: is it inside an AppProvider?")
    }

    /// Dispatches an action; call [`flush`] to see its effect.
    pub fn dispatch(&self, action: Action) {
        self.get().dispatch(action);
    }

    /// Hands the current revision its result, as the worker would.
    pub fn finish(&self, summary: Rc<Summary>) {
        let revision = self.get().revision;
        self.dispatch(Action::Finished {
            job: JobId::Main(revision),
            summary,
            compute_ms: 12.0,
        });
    }
}

/// Properties of [`Probe`].
#[derive(Properties, PartialEq)]
pub struct ProbeProps {
    /// Where to put the state handle.
    pub slot: AppSlot,
}

/// Renders nothing; keeps the nearest app state handle in its slot.
#[component]
pub fn Probe(props: &ProbeProps) -> Html {
    let app = use_app();
    *props.slot.0.borrow_mut() = Some(app);
    Html::default()
}

/// `content` inside an [`AppProvider`] starting from `initial`, with a [`Probe`]; returns
/// the tree and the slot through which the test reads and changes the state.
pub fn with_app(initial: AppState, content: Html) -> (Html, AppSlot) {
    let slot = AppSlot::default();
    let tree = html! {
        <AppProvider {initial}>
            <Probe slot={slot.clone()} />
            { content }
        </AppProvider>
    };
    (tree, slot)
}

/// The reference scenario with few runs, so that summaries are quick to compute.
pub fn quick_scenario() -> Scenario {
    Scenario {
        runs: 50,
        ..adoption_formats::preset::cantabria()
    }
}

/// The summary of [`quick_scenario`], computed once per test binary.
pub fn quick_summary() -> Rc<Summary> {
    // NOTE: a `thread_local!` rather than a static: `Rc` is not `Sync`, and the browser
    // runs the tests on one thread anyway.
    thread_local! {
        static SUMMARY: Rc<Summary> =
            Rc::new(simulate(&quick_scenario()).expect("the reference scenario is valid"));
    }
    SUMMARY.with(Rc::clone)
}

/// Parses an SVG path made of `M x y` and `L x y` commands (and `Z`) into its points.
pub fn path_points(d: &str) -> Vec<(f64, f64)> {
    d.split(['M', 'L'])
        .map(|part| part.trim().trim_end_matches('Z').trim())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut numbers = part.split_whitespace().map(|n| {
                n.parse::<f64>()
                    .unwrap_or_else(|_| panic!("bad number {n:?} in {d:?}"))
            });
            match (numbers.next(), numbers.next(), numbers.next()) {
                (Some(x), Some(y), None) => (x, y),
                _ => panic!("bad point {part:?} in {d:?}"),
            }
        })
        .collect()
}

/// A numeric attribute of an element.
pub fn number_attr(element: &Element, name: &str) -> f64 {
    let text = element
        .get_attribute(name)
        .unwrap_or_else(|| panic!("no {name} attribute on {}", element.outer_html()));
    text.parse()
        .unwrap_or_else(|_| panic!("{name}={text:?} is not a number"))
}
