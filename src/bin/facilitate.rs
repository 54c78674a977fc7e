//! Entry point of the facilitator's module (`facilitate.html`): the facilitator's view of a
//! consultation, or (in its workers) the runs of the plans it shows.
fn main() {
    adoption_widget::decide::start_facilitate();
}
