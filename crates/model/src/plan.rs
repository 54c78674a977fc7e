//! What the money buys: whole units of each instrument, spread evenly over the programme.

use serde::{Deserialize, Serialize};

pub use crate::instrument::Instrument;
use crate::scenario::Scenario;

/// Units bought by the budget: totals and per programme year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Vouchers offered over the programme.
    pub vouchers: u64,
    /// Training actions over the programme.
    pub training_actions: u64,
    /// Pilots over the programme.
    pub pilots: u64,
    /// Training places (actions x firms per action).
    pub training_places: u64,
    /// Firms per training action.
    pub firms_per_action: u32,
    /// Euros the units cost if every voucher is used: at most the budget.
    pub planned_spend_eur: f64,
    /// Programme years.
    pub programme_years: u32,
}

impl Plan {
    /// Whole units the scenario's budget buys. A remainder smaller than one unit stays
    /// unspent, so the planned spend never exceeds the budget.
    pub fn new(s: &Scenario) -> Plan {
        let voucher_cost = s.vouchers.value_eur + s.vouchers.admin_eur;
        let vouchers = units(s.budget_eur * s.mix.vouchers, voucher_cost);
        let training_actions = units(
            s.budget_eur * s.mix.training,
            s.training.cost_per_action_eur,
        );
        let pilots = units(s.budget_eur * s.mix.pilots, s.pilots.cost_eur);
        let planned_spend_eur = vouchers as f64 * voucher_cost
            + training_actions as f64 * s.training.cost_per_action_eur
            + pilots as f64 * s.pilots.cost_eur;
        Plan {
            vouchers,
            training_actions,
            pilots,
            training_places: training_actions
                .saturating_mul(u64::from(s.training.firms_per_action)),
            firms_per_action: s.training.firms_per_action,
            planned_spend_eur,
            programme_years: s.programme_years,
        }
    }

    /// Units of a total offered in programme year `year` (1-based); zero outside the
    /// programme. Years share the total as evenly as whole units allow.
    pub fn in_year(&self, total: u64, year: u32) -> u64 {
        let n = u64::from(self.programme_years.max(1));
        let y = u64::from(year);
        if year == 0 || y > n {
            return 0;
        }
        // floor(y * total / n) - floor((y - 1) * total / n), in u128 to avoid overflow.
        let cum = |k: u64| (u128::from(k) * u128::from(total) / u128::from(n)) as u64;
        cum(y) - cum(y - 1)
    }

    /// Whether the budget buys nothing at all (the policy world is then the baseline).
    pub fn is_empty(&self) -> bool {
        self.vouchers == 0 && self.training_actions == 0 && self.pilots == 0
    }

    /// The total units of one instrument.
    pub fn units(&self, instrument: Instrument) -> u64 {
        match instrument {
            Instrument::Vouchers => self.vouchers,
            Instrument::Training => self.training_actions,
            Instrument::Pilots => self.pilots,
        }
    }
}

/// Whole units of `cost` that `money` buys, forgiving float noise of a millionth of a unit
/// (0.4 x 1,250,000 / 10,000 is 50, not 49.999...).
fn units(money: f64, cost: f64) -> u64 {
    if money.is_nan() || cost.is_nan() || money <= 0.0 || cost <= 0.0 {
        return 0;
    }
    (money / cost + 1e-6).floor() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cantabria_buys_the_lia_plan() {
        let plan = Plan::new(&crate::preset::cantabria());
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
            ..Plan::new(&crate::preset::cantabria())
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
            ..crate::preset::cantabria()
        };
        let plan = Plan::new(&s);
        assert_eq!(plan.vouchers + plan.training_actions + plan.pilots, 0);
        assert_eq!(plan.planned_spend_eur, 0.0);
    }
}
