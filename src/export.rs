//! Files the page gives and takes: downloads (CSV, JSON, the chart as SVG and PNG) and
//! reading a file the user picked or dropped.

use adoption_model::decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, Element, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url,
};

/// Largest file the page reads, in bytes (a scenario or a population is a few KiB).
pub const MAX_FILE_BYTES: f64 = 1_048_576.0;

/// Offers `contents` as a file download named `name`.
pub fn download_text(name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&contents.into());
    if let Some(blob) = blob(&parts, mime) {
        download_blob(name, &blob);
    }
}

fn blob(parts: &js_sys::Array, mime: &str) -> Option<Blob> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(parts, &options).ok()
}

/// Offers a blob as a file download.
pub fn download_blob(name: &str, blob: &Blob) {
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The click has started the download; the URL is no longer needed.
    let _ = Url::revoke_object_url(&url);
}

/// The chart's SVG as a standalone document: colours are attributes already; the
/// interactive layers (hover targets, tooltip) are dropped.
pub fn chart_svg(svg: &Element) -> Option<String> {
    let copy = svg
        .clone_node_with_deep(true)
        .ok()?
        .dyn_into::<Element>()
        .ok()?;
    if let Ok(nodes) = copy.query_selector_all(".hover, .tooltip") {
        for i in 0..nodes.length() {
            if let Some((node, parent)) =
                nodes.item(i).and_then(|n| n.parent_node().map(|p| (n, p)))
            {
                let _ = parent.remove_child(&node);
            }
        }
    }
    copy.set_attribute("xmlns", "http://www.w3.org/2000/svg")
        .ok()?;
    // A white background, so the PNG is not transparent.
    let document = gloo::utils::document();
    let bg = document
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")
        .ok()?;
    for (k, v) in [("width", "100%"), ("height", "100%"), ("fill", "#ffffff")] {
        bg.set_attribute(k, v).ok()?;
    }
    copy.insert_before(&bg, copy.first_child().as_ref()).ok()?;
    Some(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
        copy.outer_html()
    ))
}

/// Renders the chart's SVG to a PNG at twice its size and offers it as a download.
pub fn download_chart_png(name: &str, svg: &Element) {
    let Some(text) = chart_svg(svg) else { return };
    let width = svg
        .get_attribute("width")
        .and_then(|w| decimal::parse(&w))
        .unwrap_or(640.0);
    let height = svg
        .get_attribute("height")
        .and_then(|h| decimal::parse(&h))
        .unwrap_or(360.0);
    let parts = js_sys::Array::of1(&text.into());
    let Some(svg_blob) = blob(&parts, "image/svg+xml") else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&svg_blob) else {
        return;
    };
    let Ok(image) = HtmlImageElement::new() else {
        return;
    };
    let name = name.to_string();
    let source = url.clone();
    let image_for_load = image.clone();
    let on_load = Closure::once_into_js(move || {
        let scale = 2.0;
        let canvas = gloo::utils::document()
            .create_element("canvas")
            .ok()
            .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok());
        if let Some(canvas) = canvas {
            canvas.set_width((width * scale) as u32);
            canvas.set_height((height * scale) as u32);
            let context = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
            if let Some(context) = context {
                let _ = context.scale(scale, scale);
                let _ = context.draw_image_with_html_image_element(&image_for_load, 0.0, 0.0);
                let on_blob = Closure::once_into_js(move |png: Option<Blob>| {
                    if let Some(png) = png {
                        download_blob(&name, &png);
                    }
                });
                let _ = canvas.to_blob(on_blob.unchecked_ref());
            }
        }
        let _ = Url::revoke_object_url(&source);
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadProblem {
    /// Over [`MAX_FILE_BYTES`].
    TooLarge,
    /// The browser could not read it, or it is not text.
    Unreadable,
}

/// Reads a file the user chose as text.
pub async fn read_text(file: &web_sys::File) -> Result<String, ReadProblem> {
    if file.size() > MAX_FILE_BYTES {
        return Err(ReadProblem::TooLarge);
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| ReadProblem::Unreadable)?;
    let text = text.as_string().ok_or(ReadProblem::Unreadable)?;
    if text.contains('\u{0}') {
        return Err(ReadProblem::Unreadable);
    }
    Ok(text)
}

/// A file name made from a scenario name: letters, digits and dashes only.
pub fn file_stem(name: &str) -> String {
    let keep = letter_or_digit();
    let stem: String = name
        .chars()
        .map(|c| if keep(c) { c.to_ascii_lowercase() } else { '-' })
        .collect();
    let stem = stem
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "scenario".into()
    } else {
        stem.chars().take(60).collect()
    }
}

/// `char::is_alphanumeric`: a letter or a digit in any script.
///
/// NOTE: in the browser, characters past ASCII are asked of the JavaScript engine's Unicode
/// tables (`\p{Alphabetic}` or `\p{N}`: the two properties `is_alphanumeric` tests); Rust's
/// own tables for them cost the page ~1 KB gzip, only to name downloaded files.
#[cfg(target_arch = "wasm32")]
fn letter_or_digit() -> impl Fn(char) -> bool {
    let other = js_sys::RegExp::new(r"^[\p{Alphabetic}\p{N}]$", "u");
    move |c| c.is_ascii_alphanumeric() || !c.is_ascii() && other.test(c.encode_utf8(&mut [0; 4]))
}

#[cfg(not(target_arch = "wasm32"))]
fn letter_or_digit() -> impl Fn(char) -> bool {
    char::is_alphanumeric
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("Cantabria: LIA upgrade"), "cantabria-lia-upgrade");
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("   "), "scenario");
        assert_eq!(file_stem("Murcia — plan ñ"), "murcia-plan-ñ");
    }
}
