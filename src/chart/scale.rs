//! Linear scales and "nice" ticks for the charts: small pure types, tested natively.

/// Maps a data interval onto a pixel interval, linearly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    /// Data interval `(low, high)`.
    pub domain: (f64, f64),
    /// Pixel interval the domain maps onto (may run backwards, as y does in SVG).
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` to `range`. A degenerate domain is widened by one unit so that
    /// every value still maps to a finite position.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        let (mut lo, mut hi) = domain;
        if !(lo.is_finite() && hi.is_finite()) {
            (lo, hi) = (0.0, 1.0);
        }
        if hi < lo {
            (lo, hi) = (hi, lo);
        }
        if hi - lo < f64::EPSILON * hi.abs().max(1.0) {
            (lo, hi) = (lo - 0.5, hi + 0.5);
        }
        LinearScale {
            domain: (lo, hi),
            range,
        }
    }

    /// The pixel position of a data value.
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The data value at a pixel position.
    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }

    /// The same scale with its domain widened to multiples of a nice tick step, so the
    /// axis starts and ends on a tick.
    pub fn nice(self, count: usize) -> LinearScale {
        let step = tick_step(self.domain.0, self.domain.1, count);
        let lo = (self.domain.0 / step).floor() * step;
        let hi = (self.domain.1 / step).ceil() * step;
        LinearScale::new((lo, hi), self.range)
    }

    /// About `count` round tick values covering the domain (1, 2 or 5 times a power of 10).
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        let (lo, hi) = self.domain;
        let step = tick_step(lo, hi, count);
        let first = (lo / step).ceil() as i64;
        let last = (hi / step).floor() as i64;
        (first..=last).map(|i| i as f64 * step).collect()
    }
}

/// A round step giving about `count` intervals over `[lo, hi]`.
pub fn tick_step(lo: f64, hi: f64, count: usize) -> f64 {
    let span = (hi - lo).abs();
    if !(span.is_finite()) || span == 0.0 {
        return 1.0;
    }
    let raw = span / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let unit = raw / power;
    let nice = if unit <= 1.0 {
        1.0
    } else if unit <= 2.0 {
        2.0
    } else if unit <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_inverts() {
        let s = LinearScale::new((0.0, 100.0), (300.0, 0.0));
        assert_eq!(s.map(0.0), 300.0);
        assert_eq!(s.map(100.0), 0.0);
        assert_eq!(s.map(25.0), 225.0);
        assert_eq!(s.invert(225.0), 25.0);
    }

    #[test]
    fn ticks_are_round_and_cover_a_nice_domain() {
        let s = LinearScale::new((3_592.0, 9_557.0), (0.0, 1.0)).nice(5);
        assert_eq!(s.domain, (2_000.0, 10_000.0));
        assert_eq!(
            s.ticks(5),
            vec![2_000.0, 4_000.0, 6_000.0, 8_000.0, 10_000.0]
        );
        let small = LinearScale::new((0.0, 87.0), (0.0, 1.0)).nice(4);
        assert_eq!(small.domain, (0.0, 100.0));
        assert_eq!(small.ticks(4), vec![0.0, 50.0, 100.0]);
        assert_eq!(small.ticks(5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    }

    #[test]
    fn degenerate_domains_stay_finite() {
        let s = LinearScale::new((5.0, 5.0), (0.0, 100.0));
        assert!(s.map(5.0).is_finite());
        let n = LinearScale::new((f64::NAN, 1.0), (0.0, 1.0));
        assert!(n.map(0.5).is_finite());
        assert_eq!(tick_step(0.0, 0.0, 5), 1.0);
        assert!(
            !LinearScale::new((0.0, 0.0), (0.0, 1.0))
                .nice(5)
                .ticks(5)
                .is_empty()
        );
    }
}
