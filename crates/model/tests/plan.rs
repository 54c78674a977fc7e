//! What the budget buys (`adoption_model::plan`), on the reference scenario.

use adoption_formats::preset;
use adoption_model::{Plan, Scenario};

#[test]
fn cantabria_buys_the_lia_plan() {
    let plan = Plan::new(&preset::cantabria());
    assert_eq!(
        (plan.vouchers, plan.training_actions, plan.pilots),
        (50, 20, 15)
    );
    assert_eq!(plan.training_places, 100);
    assert!(plan.planned_spend_eur <= 1_250_000.0);
}

#[test]
fn years_share_units_evenly_and_exactly() {
    let plan = Plan {
        programme_years: 3,
        ..Plan::new(&preset::cantabria())
    };
    let per_year: Vec<u64> = (0..=4).map(|y| plan.in_year(50, y)).collect();
    assert_eq!(per_year, vec![0, 16, 17, 17, 0]);
    assert_eq!(per_year.iter().sum::<u64>(), 50);
    assert_eq!(
        plan.in_year(u64::MAX, 1) + plan.in_year(u64::MAX, 2) + plan.in_year(u64::MAX, 3),
        u64::MAX
    );
}

#[test]
fn zero_budget_buys_nothing() {
    let s = Scenario {
        budget_eur: 0.0,
        ..preset::cantabria()
    };
    let plan = Plan::new(&s);
    assert_eq!(plan.vouchers + plan.training_actions + plan.pilots, 0);
    assert_eq!(plan.planned_spend_eur, 0.0);
}
