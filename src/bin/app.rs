//! Entry point of the WebAssembly module: the page, or (in its web worker) the model.
fn main() {
    adoption_widget::start();
}
