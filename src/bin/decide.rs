//! Entry point of the best-mix module: the panel, or (in its workers) the mixes' runs.
fn main() {
    adoption_widget::decide::start();
}
