//! QR codes from the camera, where the browser offers a barcode detector
//! (`BarcodeDetector`, the Shape Detection API: Chromium on Android and macOS, not on
//! Linux or Windows desktops, nor Firefox or Safari at this writing). Each code read once
//! is handed over as a line of text; elsewhere the view says plainly that it cannot scan.
//!
//! NOTE: the detector, the camera and the video element are reached through `js_sys`
//! reflection rather than `web-sys` bindings: `BarcodeDetector` has none in `web-sys`
//! (not in its WebIDL set), and three calls do not justify the media features' weight.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use gloo::timers::callback::Interval;
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::i18n::Lang;

/// How often a frame is looked at, in milliseconds.
const EVERY_MS: u32 = 400;

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let f: Function = get(target, method)
        .ok_or_else(|| JsValue::from_str(method))?
        .dyn_into()?;
    f.apply(target, args)
}

/// The detector's constructor and the camera, if this browser has both.
fn equipment() -> Option<(Function, JsValue)> {
    let window = gloo::utils::window();
    let detector = get(&window, "BarcodeDetector")?
        .dyn_into::<Function>()
        .ok()?;
    let media = get(&window.navigator(), "mediaDevices")?;
    get(&media, "getUserMedia")?;
    Some((detector, media))
}

/// What a scan in progress holds (stopped when dropped).
struct Running {
    stream: JsValue,
    _tick: Interval,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(tracks) = call(&self.stream, "getTracks", &Array::new())
            .ok()
            .and_then(|t| t.dyn_into::<Array>().ok())
        {
            for t in tracks.iter() {
                let _ = call(&t, "stop", &Array::new());
            }
        }
    }
}

/// The scanner's properties.
#[derive(Properties, PartialEq)]
pub struct ScanProps {
    /// The view's language.
    pub lang: Lang,
    /// A code read (its text), once per code.
    pub onscanned: Callback<String>,
    /// The camera did not start (the browser's words).
    pub onfailed: Callback<String>,
}

/// "Scan QR codes" with the camera's image while scanning, or the notice that this
/// browser cannot.
#[component]
pub fn Scan(props: &ScanProps) -> Html {
    let f = props.lang.facilitate();
    let video = use_node_ref();
    let running = use_mut_ref(|| None::<Running>);
    let scanning = use_state_eq(|| false);
    let seen = use_mut_ref(HashSet::<String>::new);
    let Some((detector, media)) = equipment() else {
        return html! { <p class="fac-note" data-scan="unavailable">{ f.scan_missing }</p> };
    };
    let on_start = {
        let (video, running, scanning, seen) = (
            video.clone(),
            running.clone(),
            scanning.clone(),
            seen.clone(),
        );
        let (onscanned, onfailed) = (props.onscanned.clone(), props.onfailed.clone());
        Callback::from(move |_: MouseEvent| {
            let (video, running, scanning, seen) = (
                video.clone(),
                running.clone(),
                scanning.clone(),
                seen.clone(),
            );
            let (onscanned, onfailed, detector, media) = (
                onscanned.clone(),
                onfailed.clone(),
                detector.clone(),
                media.clone(),
            );
            scanning.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match start(&detector, &media, &video, seen, onscanned).await {
                    Ok(r) => *running.borrow_mut() = Some(r),
                    Err(e) => {
                        scanning.set(false);
                        let why = get(&e, "message")
                            .and_then(|m| m.as_string())
                            .or_else(|| e.as_string())
                            .unwrap_or_default();
                        onfailed.emit(why);
                    }
                }
            });
        })
    };
    let on_stop = {
        let (running, scanning) = (running.clone(), scanning.clone());
        Callback::from(move |_: MouseEvent| {
            running.borrow_mut().take();
            scanning.set(false);
        })
    };
    {
        let running = running.clone();
        use_effect_with((), move |_| move || drop(running.borrow_mut().take()));
    }
    html! {
        <div class="fac-scan" data-scan="available">
            if *scanning {
                <button type="button" onclick={on_stop}>{ f.scan_stop }</button>
            } else {
                <button type="button" onclick={on_start}>{ f.scan }</button>
            }
            <video ref={video} class="fac-video" hidden={!*scanning} muted=true
                playsinline=true aria-label={f.scan_video}></video>
        </div>
    }
}

/// Starts the camera into `video` and looks at a frame every [`EVERY_MS`].
async fn start(
    detector: &Function,
    media: &JsValue,
    video: &NodeRef,
    seen: Rc<RefCell<HashSet<String>>>,
    onscanned: Callback<String>,
) -> Result<Running, JsValue> {
    let options = Object::new();
    Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()))?;
    let detector = Reflect::construct(detector, &Array::of1(&options))?;
    let constraints = Object::new();
    let camera = Object::new();
    Reflect::set(&camera, &"facingMode".into(), &"environment".into())?;
    Reflect::set(&constraints, &"video".into(), &camera)?;
    let stream = JsFuture::from(Promise::from(call(
        media,
        "getUserMedia",
        &Array::of1(&constraints),
    )?))
    .await?;
    let element: JsValue = video
        .get()
        .ok_or_else(|| JsValue::from_str("no video element"))?
        .into();
    Reflect::set(&element, &"srcObject".into(), &stream)?;
    if let Ok(p) = call(&element, "play", &Array::new()) {
        let _ = JsFuture::from(Promise::from(p)).await;
    }
    let busy = Rc::new(RefCell::new(false));
    let tick = Interval::new(EVERY_MS, move || {
        if *busy.borrow() {
            return;
        }
        let Ok(p) = call(&detector, "detect", &Array::of1(&element)) else {
            return;
        };
        *busy.borrow_mut() = true;
        let (busy, seen, onscanned) = (busy.clone(), seen.clone(), onscanned.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(found) = JsFuture::from(Promise::from(p)).await
                && let Ok(found) = found.dyn_into::<Array>()
            {
                for code in found.iter() {
                    if let Some(text) = get(&code, "rawValue").and_then(|v| v.as_string())
                        && seen.borrow_mut().insert(text.clone())
                    {
                        onscanned.emit(text);
                    }
                }
            }
            *busy.borrow_mut() = false;
        });
    });
    Ok(Running {
        stream,
        _tick: tick,
    })
}
