//! What the instruments did in a year, as whole-number tallies summed over runs.

use serde::{Deserialize, Serialize};

/// What the instruments did in one year, summed over runs: whole counts, so sums are exact
/// and independent of the order runs are merged in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearCounts {
    /// Vouchers awarded.
    pub vouchers_awarded: u64,
    /// Awarded vouchers that were used (and paid).
    pub vouchers_used: u64,
    /// Voucher users who adopted but would have adopted that year anyway.
    pub voucher_deadweight: u64,
    /// Voucher users who adopted because of the voucher.
    pub voucher_converted: u64,
    /// Firms trained.
    pub firms_trained: u64,
    /// Training actions run.
    pub training_actions: u64,
    /// Pilots run.
    pub pilots: u64,
    /// Pilot hosts who adopted but would have adopted that year anyway.
    pub pilot_deadweight: u64,
    /// Pilot hosts who adopted because of the pilot.
    pub pilot_converted: u64,
    /// Supported adopters (converted) who now adopt in the baseline too, within
    /// [`super::DEADWEIGHT_WINDOW`] years of their support.
    pub supported_caught_up_3: u64,
    /// Supported adopters (converted) who now adopt in the baseline too, at any time.
    pub supported_caught_up: u64,
    /// Voucher-induced adopters who dropped the technology when the subsidy ended.
    pub lapsed: u64,
}

impl YearCounts {
    /// Number of tallies.
    pub const LEN: usize = 12;

    /// The tallies in field order.
    pub fn to_array(&self) -> [u64; Self::LEN] {
        [
            self.vouchers_awarded,
            self.vouchers_used,
            self.voucher_deadweight,
            self.voucher_converted,
            self.firms_trained,
            self.training_actions,
            self.pilots,
            self.pilot_deadweight,
            self.pilot_converted,
            self.supported_caught_up_3,
            self.supported_caught_up,
            self.lapsed,
        ]
    }

    /// Tallies from [`YearCounts::to_array`]'s order.
    pub fn from_array(a: [u64; Self::LEN]) -> YearCounts {
        YearCounts {
            vouchers_awarded: a[0],
            vouchers_used: a[1],
            voucher_deadweight: a[2],
            voucher_converted: a[3],
            firms_trained: a[4],
            training_actions: a[5],
            pilots: a[6],
            pilot_deadweight: a[7],
            pilot_converted: a[8],
            supported_caught_up_3: a[9],
            supported_caught_up: a[10],
            lapsed: a[11],
        }
    }

    /// Adds another tally to this one.
    pub fn add(&mut self, o: &YearCounts) {
        let (mut a, b) = (self.to_array(), o.to_array());
        for (x, y) in a.iter_mut().zip(b) {
            *x += y;
        }
        *self = YearCounts::from_array(a);
    }
}
