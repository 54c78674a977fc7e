//! Entry point of the page's WebAssembly module.
fn main() {
    adoption_widget::start_app();
}
