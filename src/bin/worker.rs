//! Entry point of the web worker that runs the model.
fn main() {
    adoption_widget::worker::register();
}
