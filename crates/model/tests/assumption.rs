//! The assumption table reads and writes the reference scenario (`adoption_model::assumption`).

use adoption_formats::preset;
use adoption_model::assumption::Assumption;
use adoption_model::limits::MAX_FIRMS_PER_ACTION;

#[test]
fn set_central_clamps_rounds_and_keeps_the_width() {
    let mut s = preset::cantabria();
    Assumption::FirmsPerAction.set_central(&mut s, 1e9);
    assert_eq!(s.training.firms_per_action, MAX_FIRMS_PER_ACTION);
    Assumption::TrainingCost.set_central(&mut s, -5.0);
    assert_eq!(s.training.cost_per_action_eur, 1.0);
    Assumption::VoucherValue.set_central(&mut s, f64::NAN);
    assert_eq!(s.vouchers.value_eur, 9_000.0);
    // 0.6..0.85..0.95 moved to 0.5 keeps 0.25 below and 0.1 above.
    Assumption::VoucherConversion.set_central(&mut s, 0.5);
    let (low, high) = s.vouchers.conversion.bounds();
    assert!((low - 0.25).abs() < 1e-12 && (high - 0.6).abs() < 1e-12);
    assert_eq!(Assumption::VoucherConversion.get(&s).central(), 0.5);
}
