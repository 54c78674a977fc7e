//! The instruments' main assumptions as one table: each one's scenario field, bounds, step,
//! unit and whether its default is our estimate, and how it reads and writes a scenario.
//!
//! This table is the one home of those rules: [`Scenario::validate`] checks these fields
//! by iterating it, and the page's assumptions panel and its state read it too.
//!
//! ```
//! use adoption_model::assumption::Assumption;
//! let mut s = adoption_formats::preset::cantabria();
//! Assumption::TrainingYears.set_central(&mut s, 2.6);
//! assert_eq!(s.training.effect_years, 3);
//! assert_eq!(Assumption::TrainingYears.key(), "training.effect_years");
//! ```

use crate::instrument::Instrument;
use crate::param::Param;
use crate::scenario::{Scenario, limits};

/// One of the instruments' main assumptions, in the order the page lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Assumption {
    /// Grant per used voucher (EUR).
    VoucherValue,
    /// Share of the firm's project the voucher pays.
    VoucherCoverage,
    /// Grant at which a voucher's pull reaches 63% of its ceiling (EUR).
    VoucherValueScale,
    /// Administration per awarded voucher (EUR).
    VoucherAdmin,
    /// Share of awarded vouchers used.
    VoucherUsed,
    /// Chance a used voucher leads to adoption (for a large grant).
    VoucherConversion,
    /// Share of voucher-induced adopters who drop out when the subsidy ends.
    VoucherLapse,
    /// Cost of one training action (EUR).
    TrainingCost,
    /// New firms per training action.
    FirmsPerAction,
    /// Added yearly adoption chance after training.
    TrainingUplift,
    /// Years the training effect lasts.
    TrainingYears,
    /// Public cost of one pilot (EUR).
    PilotCost,
    /// Chance a pilot host adopts.
    PilotSuccess,
    /// Ordinary adopters one successful pilot is worth to peers.
    PeerWeight,
    /// Share of a pilot's visibility kept from one year to the next.
    PilotDecay,
}

/// What an assumption's number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Euros.
    Eur,
    /// A share or a probability, in [0, 1].
    Share,
    /// A number of firms.
    Firms,
    /// A number of years.
    Years,
    /// A weight: how many ordinary adopters one thing is worth.
    Weight,
}

/// How one assumption is bounded, stepped and sourced.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    /// Its scenario path, e.g. `vouchers.value_eur`; also its label key in the page's texts.
    pub key: &'static str,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// A sensible step for an input.
    pub step: f64,
    /// What the number counts.
    pub unit: Unit,
    /// Whether only whole numbers are allowed.
    pub whole: bool,
    /// Decimals worth showing.
    pub decimals: usize,
    /// Whether the default is our estimate rather than a measured figure ("est.").
    pub estimate: bool,
}

const fn spec(key: &'static str, min: f64, max: f64, step: f64, unit: Unit) -> Spec {
    Spec {
        key,
        min,
        max,
        step,
        unit,
        whole: matches!(unit, Unit::Firms | Unit::Years),
        decimals: match unit {
            Unit::Share => 2,
            Unit::Weight => 1,
            _ => 0,
        },
        estimate: true,
    }
}

const fn measured(spec: Spec) -> Spec {
    Spec {
        estimate: false,
        ..spec
    }
}

use limits::{MAX_EFFECT_YEARS, MAX_FIRMS_PER_ACTION, MAX_PEER_WEIGHT, MAX_UNIT_COST_EUR};

/// The table, in [`Assumption::ALL`]'s order.
const SPECS: [Spec; 15] = [
    spec(
        "vouchers.value_eur",
        0.0,
        MAX_UNIT_COST_EUR,
        500.0,
        Unit::Eur,
    ),
    measured(spec("vouchers.coverage", 0.05, 1.0, 0.05, Unit::Share)),
    spec(
        "vouchers.value_scale_eur",
        1.0,
        MAX_UNIT_COST_EUR,
        500.0,
        Unit::Eur,
    ),
    spec(
        "vouchers.admin_eur",
        0.0,
        MAX_UNIT_COST_EUR,
        100.0,
        Unit::Eur,
    ),
    measured(spec("vouchers.used", 0.0, 1.0, 0.01, Unit::Share)),
    spec("vouchers.conversion", 0.0, 1.0, 0.01, Unit::Share),
    spec("vouchers.lapse", 0.0, 1.0, 0.01, Unit::Share),
    spec(
        "training.cost_per_action_eur",
        1.0,
        MAX_UNIT_COST_EUR,
        500.0,
        Unit::Eur,
    ),
    measured(spec(
        "training.firms_per_action",
        1.0,
        MAX_FIRMS_PER_ACTION as f64,
        1.0,
        Unit::Firms,
    )),
    spec("training.uplift", 0.0, 1.0, 0.01, Unit::Share),
    spec(
        "training.effect_years",
        0.0,
        MAX_EFFECT_YEARS as f64,
        1.0,
        Unit::Years,
    ),
    measured(spec(
        "pilots.cost_eur",
        1.0,
        MAX_UNIT_COST_EUR,
        1_000.0,
        Unit::Eur,
    )),
    spec("pilots.success", 0.0, 1.0, 0.01, Unit::Share),
    spec(
        "pilots.peer_weight",
        0.0,
        MAX_PEER_WEIGHT,
        1.0,
        Unit::Weight,
    ),
    spec("pilots.decay", 0.0, 1.0, 0.01, Unit::Share),
];

/// Where an assumption lives in a scenario.
enum Slot<'a> {
    Number(&'a mut f64),
    Whole(&'a mut u32),
    Param(&'a mut Param),
}

impl Assumption {
    /// Every assumption, in the order the page lists them.
    pub const ALL: [Assumption; 15] = [
        Assumption::VoucherValue,
        Assumption::VoucherCoverage,
        Assumption::VoucherValueScale,
        Assumption::VoucherAdmin,
        Assumption::VoucherUsed,
        Assumption::VoucherConversion,
        Assumption::VoucherLapse,
        Assumption::TrainingCost,
        Assumption::FirmsPerAction,
        Assumption::TrainingUplift,
        Assumption::TrainingYears,
        Assumption::PilotCost,
        Assumption::PilotSuccess,
        Assumption::PeerWeight,
        Assumption::PilotDecay,
    ];

    /// Its position in [`Assumption::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Its bounds, step, unit and source flag.
    pub fn spec(self) -> &'static Spec {
        &SPECS[self.index()]
    }

    /// The instrument it belongs to (the first part of its key).
    pub fn instrument(self) -> Instrument {
        match self {
            Assumption::VoucherValue
            | Assumption::VoucherCoverage
            | Assumption::VoucherValueScale
            | Assumption::VoucherAdmin
            | Assumption::VoucherUsed
            | Assumption::VoucherConversion
            | Assumption::VoucherLapse => Instrument::Vouchers,
            Assumption::TrainingCost
            | Assumption::FirmsPerAction
            | Assumption::TrainingUplift
            | Assumption::TrainingYears => Instrument::Training,
            Assumption::PilotCost
            | Assumption::PilotSuccess
            | Assumption::PeerWeight
            | Assumption::PilotDecay => Instrument::Pilots,
        }
    }

    /// Its scenario path (and label key), e.g. `vouchers.value_eur`.
    pub fn key(self) -> &'static str {
        self.spec().key
    }

    /// The assumption with this key.
    pub fn from_key(key: &str) -> Option<Assumption> {
        Assumption::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Its value in a scenario; a plain number is [`Param::Exact`].
    pub fn get(self, s: &Scenario) -> Param {
        match self {
            Assumption::VoucherValue => Param::Exact(s.vouchers.value_eur),
            Assumption::VoucherCoverage => Param::Exact(s.vouchers.coverage),
            Assumption::VoucherValueScale => s.vouchers.value_scale_eur,
            Assumption::VoucherAdmin => Param::Exact(s.vouchers.admin_eur),
            Assumption::VoucherUsed => s.vouchers.used,
            Assumption::VoucherConversion => s.vouchers.conversion,
            Assumption::VoucherLapse => s.vouchers.lapse,
            Assumption::TrainingCost => Param::Exact(s.training.cost_per_action_eur),
            Assumption::FirmsPerAction => Param::Exact(f64::from(s.training.firms_per_action)),
            Assumption::TrainingUplift => s.training.uplift,
            Assumption::TrainingYears => Param::Exact(f64::from(s.training.effect_years)),
            Assumption::PilotCost => Param::Exact(s.pilots.cost_eur),
            Assumption::PilotSuccess => s.pilots.success,
            Assumption::PeerWeight => s.pilots.peer_weight,
            Assumption::PilotDecay => s.pilots.decay,
        }
    }

    fn slot(self, s: &mut Scenario) -> Slot<'_> {
        match self {
            Assumption::VoucherValue => Slot::Number(&mut s.vouchers.value_eur),
            Assumption::VoucherCoverage => Slot::Number(&mut s.vouchers.coverage),
            Assumption::VoucherValueScale => Slot::Param(&mut s.vouchers.value_scale_eur),
            Assumption::VoucherAdmin => Slot::Number(&mut s.vouchers.admin_eur),
            Assumption::VoucherUsed => Slot::Param(&mut s.vouchers.used),
            Assumption::VoucherConversion => Slot::Param(&mut s.vouchers.conversion),
            Assumption::VoucherLapse => Slot::Param(&mut s.vouchers.lapse),
            Assumption::TrainingCost => Slot::Number(&mut s.training.cost_per_action_eur),
            Assumption::FirmsPerAction => Slot::Whole(&mut s.training.firms_per_action),
            Assumption::TrainingUplift => Slot::Param(&mut s.training.uplift),
            Assumption::TrainingYears => Slot::Whole(&mut s.training.effect_years),
            Assumption::PilotCost => Slot::Number(&mut s.pilots.cost_eur),
            Assumption::PilotSuccess => Slot::Param(&mut s.pilots.success),
            Assumption::PeerWeight => Slot::Param(&mut s.pilots.peer_weight),
            Assumption::PilotDecay => Slot::Param(&mut s.pilots.decay),
        }
    }

    /// The smallest value allowed in this scenario: the table's, raised where a rule
    /// joins two fields (a voucher costs at least [`limits::MIN_VOUCHER_COST_EUR`] in all,
    /// grant plus administration).
    pub fn min_in(self, s: &Scenario) -> f64 {
        let min = self.spec().min;
        match self {
            Assumption::VoucherValue => {
                min.max(limits::MIN_VOUCHER_COST_EUR - s.vouchers.admin_eur)
            }
            Assumption::VoucherAdmin => {
                min.max(limits::MIN_VOUCHER_COST_EUR - s.vouchers.value_eur)
            }
            _ => min,
        }
    }

    /// Sets its most likely value: clamped to `[min, max]`, rounded when whole, keeping an
    /// uncertain range's width where it fits ([`Param::with_central`]). A value that is not
    /// finite is ignored.
    pub fn set_central(self, s: &mut Scenario, value: f64) {
        if !value.is_finite() {
            return;
        }
        let Spec { min, max, .. } = *self.spec();
        // NOTE: not `f64::clamp`: with bounds known only at run time it keeps a panic message
        // that formats floats, which brings core's float formatting into the page (see
        // `crate::decimal`). `min <= max` for every spec (tested).
        let clamp = |v: f64| v.max(min).min(max);
        match self.slot(s) {
            Slot::Number(v) => *v = clamp(value),
            Slot::Whole(v) => *v = clamp(value.round()) as u32,
            Slot::Param(p) => *p = p.with_central(clamp(value), min, max),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_order_and_keys_are_unique() {
        for (i, a) in Assumption::ALL.iter().enumerate() {
            assert_eq!(a.index(), i);
            assert_eq!(Assumption::from_key(a.key()), Some(*a));
            assert!(a.key().starts_with(&format!("{}.", a.instrument().key())));
            let s = a.spec();
            assert!(s.min < s.max && s.step > 0.0, "{a:?}");
        }
    }
}
