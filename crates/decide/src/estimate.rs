//! Which uncertain parameters are our estimates ("est.": no empirical source), by key.
//!
//! NOTE: the model marks "est." only for the instruments' main assumptions
//! (`adoption_model::assumption::Spec::estimate`); the other parameters' status is in the
//! evidence tables of `docs/model.md`. Until those have a home in the model, this table
//! holds them, keyed like the scenario's fields, read from those tables: a parameter
//! whose range (or default) is marked "est." there is an estimate here.

use adoption_model::assumption::Assumption;

/// Keys of parameters outside the assumption table (the scenario's field paths, as
/// validation names them; a segment quantity stands for every segment's value).
pub mod keys {
    /// Every segment's Bass innovation coefficient.
    pub const P: &str = "segments.p";
    /// Every segment's Bass imitation coefficient.
    pub const Q: &str = "segments.q";
    /// Every segment's aware share.
    pub const AWARE_SHARE: &str = "segments.aware_share";
    /// Vouchers' application ceiling of less-innovation-aware firms.
    pub const VOUCHER_APPLY_LIA: &str = "vouchers.apply_lia";
    /// Vouchers' application ceiling of aware firms.
    pub const VOUCHER_APPLY_AWARE: &str = "vouchers.apply_aware";
    /// Pilots' application chance of less-innovation-aware firms.
    pub const PILOT_APPLY_LIA: &str = "pilots.apply_lia";
    /// Pilots' application chance of aware firms.
    pub const PILOT_APPLY_AWARE: &str = "pilots.apply_aware";
    /// Share of non-adopters ready in a year.
    pub const READY_SHARE: &str = "readiness.share";
    /// Hazard ratio of ready firms.
    pub const READY_RATIO: &str = "readiness.ratio";
}

/// Parameters outside the assumption table, with their status in `docs/model.md`'s
/// evidence tables (`true`: "est.").
const OTHERS: [(&str, bool); 9] = [
    // "sourced (means), est. (range of p)": the range is what the tornado varies.
    (keys::P, true),
    (keys::Q, true),
    (keys::AWARE_SHARE, true),
    // Calibrated so that vouchers are about 3x oversubscribed: no measured rate.
    (keys::VOUCHER_APPLY_LIA, true),
    (keys::VOUCHER_APPLY_AWARE, true),
    (keys::PILOT_APPLY_LIA, true),
    (keys::PILOT_APPLY_AWARE, true),
    (keys::READY_SHARE, true),
    (keys::READY_RATIO, true),
];

/// Whether the parameter with this key is marked "est."; the assumption table's flag for
/// its keys, this module's table for the rest; `false` for an unknown key.
pub fn is_estimate(key: &str) -> bool {
    if let Some(a) = Assumption::from_key(key) {
        return a.spec().estimate;
    }
    OTHERS.iter().any(|(k, est)| *k == key && *est)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assumptions_use_the_models_flag() {
        assert!(!is_estimate("vouchers.used"));
        assert!(is_estimate("pilots.decay"));
        assert!(is_estimate("segments.q"));
        assert!(!is_estimate("no.such.key"));
        for (k, _) in OTHERS {
            assert!(
                Assumption::from_key(k).is_none(),
                "{k} has a home in the model"
            );
        }
    }
}
