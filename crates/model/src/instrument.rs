//! The three policy instruments: their order, index and key, defined once.

use serde::{Deserialize, Serialize};

/// The three policy instruments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    /// Digitalisation vouchers.
    Vouchers,
    /// Training actions.
    Training,
    /// Pilot / demonstration projects.
    Pilots,
}

impl Instrument {
    /// All instruments, in the order used everywhere (mix, tables, charts).
    pub const ALL: [Instrument; 3] = [
        Instrument::Vouchers,
        Instrument::Training,
        Instrument::Pilots,
    ];

    /// Its position in [`Instrument::ALL`] (and in every per-instrument array).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Its name in scenarios and links (`vouchers`, `training`, `pilots`); also its label
    /// key in the page's texts.
    pub fn key(self) -> &'static str {
        match self {
            Instrument::Vouchers => "vouchers",
            Instrument::Training => "training",
            Instrument::Pilots => "pilots",
        }
    }

    /// The instrument with this key.
    pub fn from_key(key: &str) -> Option<Instrument> {
        Instrument::ALL.into_iter().find(|i| i.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_key_follow_the_order() {
        for (i, instrument) in Instrument::ALL.into_iter().enumerate() {
            assert_eq!(instrument.index(), i);
            assert_eq!(Instrument::from_key(instrument.key()), Some(instrument));
        }
        assert_eq!(Instrument::from_key("grants"), None);
    }
}
