//! The page's single state and the actions that change it.
//!
//! One [`AppState`] held by a reducer and published by a context provider; components
//! dispatch verb-named [`Action`]s. An action that changes nothing returns the same `Rc`,
//! so nothing re-renders. Every scenario change bumps `revision`; the simulation hook sends
//! the scenario to the worker with that revision as its id, and answers to older
//! revisions are dropped, so only the newest result is ever shown.

use std::rc::Rc;

use adoption_formats::link::LinkProblem;
use adoption_formats::message::Message;
use adoption_formats::preset;
use adoption_model::scenario::{Segment, Target};
use adoption_model::{Instrument, Param, Scenario, Summary};
use yew::Reducible;

use crate::i18n::Lang;
use crate::mix;
use crate::storage::{self, Saved, StoreProblem, WriteGuard};

/// A non-blocking message for the user (shown with `role="alert"` until dismissed).
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Parts of the link that opened the page could not be used.
    LinkProblems(Vec<LinkProblem>),
    /// The saved scenarios could not be read or written.
    Store(StoreProblem),
    /// A scenario file could not be imported.
    ScenarioFile {
        /// The file's name.
        file: String,
        /// Why.
        problem: FileProblem,
    },
    /// A population CSV could not be imported.
    PopulationFile {
        /// The file's name.
        file: String,
        /// Why.
        problem: FileProblem,
    },
    /// A file was imported.
    Imported(String),
}

/// Why an imported file was refused (worded when shown, in the page's language then).
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    /// Larger than the page reads.
    TooLarge,
    /// Not text.
    NotText,
    /// The model's reasons, one per line.
    Refused(Vec<Message>),
}

/// How the page is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mode {
    /// Compact widget for an iframe: no site chrome (`?embed=1`).
    pub embed: bool,
    /// Results only, controls locked (`?ro=1`).
    pub read_only: bool,
}

/// Where the latest simulation stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Waiting for the worker's first answer to the current revision.
    Running {
        /// Runs summarised so far (0 until a partial result arrives).
        runs_done: u32,
    },
    /// The result shown belongs to the current revision.
    Ready,
    /// The worker refused the scenario.
    Failed(String),
}

/// Everything the page shows and edits.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The scenario being explored (always valid: inputs are checked before they land).
    pub scenario: Scenario,
    /// Name of the preset the scenario started from.
    pub preset: String,
    /// Which mix shares are held when another moves.
    pub locks: [bool; 3],
    /// Language of the page.
    pub lang: Lang,
    /// Increases with every change of `scenario`.
    pub revision: u64,
    /// The latest summary received (possibly for an older revision while one runs).
    pub summary: Option<Rc<Summary>>,
    /// Where the current revision's simulation stands.
    pub status: Status,
    /// Worker milliseconds for the last finished simulation.
    pub compute_ms: Option<f64>,
    /// Whether the language was chosen (by link or switcher) rather than taken from the
    /// browser: only a chosen language goes into the page's link.
    pub lang_chosen: bool,
    /// How the page is shown.
    pub mode: Mode,
    /// Messages waiting to be read, oldest first, each with an id.
    pub notices: Vec<(u64, Notice)>,
    /// The next notice id.
    pub next_notice: u64,
    /// Saved scenarios (from localStorage).
    pub saved: Vec<Saved>,
    /// Whether the saved scenarios may be written back.
    pub store_guard: WriteGuard,
}

/// A parameter of the Assumptions panel, edited by its central value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Assumption {
    /// Grant per used voucher (EUR).
    VoucherValue,
    /// Administration per awarded voucher (EUR).
    VoucherAdmin,
    /// Share of awarded vouchers used.
    VoucherUsed,
    /// Chance a used voucher leads to adoption.
    VoucherConversion,
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
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Set the total budget (EUR).
    SetBudget(f64),
    /// Set the years simulated after the start year.
    SetYears(u32),
    /// Set the years over which the budget is spent.
    SetProgrammeYears(u32),
    /// Move one instrument's share to a whole percentage; the others rebalance.
    SetShare(Instrument, u32),
    /// Hold or release one instrument's share.
    ToggleLock(Instrument),
    /// Set an assumption's central value.
    SetAssumption(Assumption, f64),
    /// Start again from a preset.
    LoadPreset(String),
    /// Replace the whole scenario (e.g. from a link or a file).
    LoadScenario(Box<Scenario>),
    /// Switch the page's language (the user's choice).
    SetLang(Lang),
    /// Replace the population (e.g. from a CSV file).
    SetSegments(Vec<Segment>),
    /// Add a target.
    AddTarget(Target),
    /// Change a target.
    SetTarget(usize, Target),
    /// Remove a target.
    RemoveTarget(usize),
    /// Save the current scenario under a name.
    Save(String),
    /// Rename a saved scenario.
    RenameSaved(usize, String),
    /// Delete a saved scenario.
    DeleteSaved(usize),
    /// Make a saved scenario the current one.
    RestoreSaved(usize),
    /// Show a message.
    Notify(Notice),
    /// Hide a message.
    Dismiss(u64),
    /// A partial result for revision `id`.
    Progress {
        /// Revision answered.
        id: u64,
        /// Runs done.
        runs_done: u32,
        /// Their summary.
        summary: Rc<Summary>,
    },
    /// The final result for revision `id`.
    Finished {
        /// Revision answered.
        id: u64,
        /// The summary.
        summary: Rc<Summary>,
        /// Worker milliseconds.
        compute_ms: f64,
    },
    /// The worker refused revision `id`.
    Refused {
        /// Revision answered.
        id: u64,
        /// Why.
        message: String,
    },
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new(adoption_formats::preset::cantabria(), "cantabria", Lang::En)
    }
}

impl AppState {
    /// A fresh state for a scenario.
    pub fn new(scenario: Scenario, preset: &str, lang: Lang) -> AppState {
        AppState {
            scenario,
            preset: preset.to_string(),
            locks: [false; 3],
            lang,
            revision: 1,
            summary: None,
            status: Status::Running { runs_done: 0 },
            compute_ms: None,
            lang_chosen: false,
            mode: Mode::default(),
            notices: Vec::new(),
            next_notice: 1,
            saved: Vec::new(),
            store_guard: WriteGuard(true),
        }
    }

    /// The state with one more notice.
    pub fn notify(mut self, notice: Notice) -> AppState {
        // The same message twice in a row says nothing new.
        if self.notices.last().map(|(_, n)| n) != Some(&notice) {
            self.notices.push((self.next_notice, notice));
            self.next_notice += 1;
        }
        self
    }

    /// The mix as whole percents adding up to 100.
    pub fn percents(&self) -> mix::Percents {
        mix::percents(&self.scenario.mix)
    }

    /// The state with a new scenario, if it is valid and differs; the old state otherwise.
    fn with_scenario(self: Rc<Self>, mut scenario: Scenario) -> Rc<Self> {
        // Numbers computed or typed on the page are kept as a file or link would keep them.
        scenario.normalize();
        if scenario == self.scenario || scenario.validate().is_err() {
            return self;
        }
        Rc::new(AppState {
            scenario,
            revision: self.revision + 1,
            status: Status::Running { runs_done: 0 },
            ..(*self).clone()
        })
    }
}

/// Index of an instrument in mix arrays.
pub fn index(instrument: Instrument) -> usize {
    match instrument {
        Instrument::Vouchers => 0,
        Instrument::Training => 1,
        Instrument::Pilots => 2,
    }
}

/// Sets a parameter's central value, keeping an uncertain range's width within `[min, max]`.
fn set_central(param: &mut Param, value: f64, min: f64, max: f64) {
    *param = param.with_central(value.clamp(min, max), min, max);
}

/// The scenario with one assumption changed (values are clamped to the model's limits).
pub fn with_assumption(mut s: Scenario, which: Assumption, value: f64) -> Scenario {
    use adoption_model::scenario::limits::{
        MAX_EFFECT_YEARS, MAX_FIRMS_PER_ACTION, MAX_PEER_WEIGHT, MAX_UNIT_COST_EUR,
    };
    if !value.is_finite() {
        return s;
    }
    match which {
        Assumption::VoucherValue => s.vouchers.value_eur = value.clamp(0.0, MAX_UNIT_COST_EUR),
        Assumption::VoucherAdmin => s.vouchers.admin_eur = value.clamp(0.0, MAX_UNIT_COST_EUR),
        Assumption::VoucherUsed => set_central(&mut s.vouchers.used, value, 0.0, 1.0),
        Assumption::VoucherConversion => set_central(&mut s.vouchers.conversion, value, 0.0, 1.0),
        Assumption::TrainingCost => {
            s.training.cost_per_action_eur = value.clamp(1.0, MAX_UNIT_COST_EUR)
        }
        Assumption::FirmsPerAction => {
            s.training.firms_per_action =
                value.round().clamp(1.0, f64::from(MAX_FIRMS_PER_ACTION)) as u32;
        }
        Assumption::TrainingUplift => set_central(&mut s.training.uplift, value, 0.0, 1.0),
        Assumption::TrainingYears => {
            s.training.effect_years = value.round().clamp(0.0, f64::from(MAX_EFFECT_YEARS)) as u32;
        }
        Assumption::PilotCost => s.pilots.cost_eur = value.clamp(1.0, MAX_UNIT_COST_EUR),
        Assumption::PilotSuccess => set_central(&mut s.pilots.success, value, 0.0, 1.0),
        Assumption::PeerWeight => {
            set_central(&mut s.pilots.peer_weight, value, 0.0, MAX_PEER_WEIGHT)
        }
    }
    s
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetBudget(budget) => {
                let scenario = Scenario {
                    budget_eur: budget,
                    ..self.scenario.clone()
                };
                self.with_scenario(scenario)
            }
            Action::SetYears(years) => {
                let mut scenario = Scenario {
                    years,
                    ..self.scenario.clone()
                };
                scenario.programme_years = scenario.programme_years.min(years);
                // Targets past the new horizon cannot be judged: drop them.
                let horizon = scenario.horizon_year();
                scenario.targets.retain(|t| t.year <= horizon);
                self.with_scenario(scenario)
            }
            Action::SetProgrammeYears(programme_years) => {
                let scenario = Scenario {
                    programme_years,
                    ..self.scenario.clone()
                };
                self.with_scenario(scenario)
            }
            Action::SetShare(instrument, percent) => {
                let p = mix::rebalance(self.percents(), self.locks, index(instrument), percent);
                let scenario = Scenario {
                    mix: mix::mix_of(p),
                    ..self.scenario.clone()
                };
                self.with_scenario(scenario)
            }
            Action::ToggleLock(instrument) => {
                let mut locks = self.locks;
                let i = index(instrument);
                locks[i] = !locks[i];
                Rc::new(AppState {
                    locks,
                    ..(*self).clone()
                })
            }
            Action::SetAssumption(which, value) => {
                let scenario = with_assumption(self.scenario.clone(), which, value);
                self.with_scenario(scenario)
            }
            Action::LoadPreset(name) => match preset::preset(&name) {
                Some(p) if name != self.preset || (p.build)() != self.scenario => {
                    let next = self.clone().with_scenario((p.build)());
                    Rc::new(AppState {
                        preset: name,
                        locks: [false; 3],
                        ..(*next).clone()
                    })
                }
                _ => self,
            },
            Action::LoadScenario(scenario) => self.with_scenario(*scenario),
            Action::SetLang(lang) if lang != self.lang || !self.lang_chosen => Rc::new(AppState {
                lang,
                lang_chosen: true,
                ..(*self).clone()
            }),
            Action::SetLang(_) => self,
            Action::SetSegments(segments) => {
                let scenario = Scenario {
                    segments,
                    ..self.scenario.clone()
                };
                self.with_scenario(scenario)
            }
            Action::AddTarget(target) => {
                let mut scenario = self.scenario.clone();
                scenario.targets.push(target);
                self.with_scenario(scenario)
            }
            Action::SetTarget(i, target) => {
                let mut scenario = self.scenario.clone();
                match scenario.targets.get_mut(i) {
                    Some(slot) => *slot = target,
                    None => return self,
                }
                self.with_scenario(scenario)
            }
            Action::RemoveTarget(i) if i < self.scenario.targets.len() => {
                let mut scenario = self.scenario.clone();
                scenario.targets.remove(i);
                self.with_scenario(scenario)
            }
            Action::RemoveTarget(_) => self,
            Action::Save(name) => {
                let mut next = (*self).clone();
                next.saved.push(Saved {
                    name: storage::clip_name(&name),
                    saved_at: storage::now_iso(),
                    scenario: Ok(self.scenario.clone()),
                });
                Rc::new(next)
            }
            Action::RenameSaved(i, name) if i < self.saved.len() => {
                let mut next = (*self).clone();
                next.saved[i].name = storage::clip_name(&name);
                Rc::new(next)
            }
            Action::DeleteSaved(i) if i < self.saved.len() => {
                let mut next = (*self).clone();
                next.saved.remove(i);
                Rc::new(next)
            }
            Action::RenameSaved(..) | Action::DeleteSaved(_) => self,
            Action::RestoreSaved(i) => match self.saved.get(i).map(|s| s.scenario.clone()) {
                Some(Ok(scenario)) => self.with_scenario(scenario),
                _ => self,
            },
            Action::Notify(notice) => Rc::new((*self).clone().notify(notice)),
            Action::Dismiss(id) => {
                let mut next = (*self).clone();
                next.notices.retain(|(n, _)| *n != id);
                Rc::new(next)
            }
            Action::Progress {
                id,
                runs_done,
                summary,
            } if id == self.revision => Rc::new(AppState {
                summary: Some(summary),
                status: Status::Running { runs_done },
                ..(*self).clone()
            }),
            Action::Finished {
                id,
                summary,
                compute_ms,
            } if id == self.revision => Rc::new(AppState {
                summary: Some(summary),
                status: Status::Ready,
                compute_ms: Some(compute_ms),
                ..(*self).clone()
            }),
            Action::Refused { id, message } if id == self.revision => Rc::new(AppState {
                status: Status::Failed(message),
                ..(*self).clone()
            }),
            // Answers to superseded revisions.
            Action::Progress { .. } | Action::Finished { .. } | Action::Refused { .. } => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: &Rc<AppState>, action: Action) -> Rc<AppState> {
        state.clone().reduce(action)
    }

    #[test]
    fn scenario_changes_bump_the_revision_and_no_ops_return_the_same_state() {
        let s = Rc::new(AppState::default());
        let next = reduce(&s, Action::SetBudget(2_000_000.0));
        assert_eq!(next.revision, s.revision + 1);
        assert_eq!(next.scenario.budget_eur, 2_000_000.0);
        let same = reduce(&next, Action::SetBudget(2_000_000.0));
        assert!(Rc::ptr_eq(&same, &next));
        // Invalid values never land.
        let refused = reduce(&next, Action::SetBudget(-5.0));
        assert!(Rc::ptr_eq(&refused, &next));
        let refused = reduce(&next, Action::SetBudget(f64::NAN));
        assert!(Rc::ptr_eq(&refused, &next));
    }

    #[test]
    fn only_the_current_revision_is_shown() {
        let s = Rc::new(AppState::default());
        let summary = Rc::new(Summary::default());
        let old = reduce(
            &s,
            Action::Finished {
                id: s.revision - 1,
                summary: summary.clone(),
                compute_ms: 1.0,
            },
        );
        assert!(Rc::ptr_eq(&old, &s));
        let now = reduce(
            &s,
            Action::Finished {
                id: s.revision,
                summary,
                compute_ms: 1.0,
            },
        );
        assert_eq!(now.status, Status::Ready);
    }

    #[test]
    fn shares_always_add_up_to_one() {
        let mut s = Rc::new(AppState::default());
        s = reduce(&s, Action::ToggleLock(Instrument::Training));
        for (instrument, p) in [
            (Instrument::Vouchers, 90),
            (Instrument::Pilots, 5),
            (Instrument::Vouchers, 0),
        ] {
            s = reduce(&s, Action::SetShare(instrument, p));
            let m = s.scenario.mix;
            assert!((m.vouchers + m.training + m.pilots - 1.0).abs() < 1e-9);
            assert_eq!(s.percents()[1], 20, "training is locked");
        }
    }

    #[test]
    fn shorter_horizons_shorten_the_programme_and_drop_late_targets() {
        let s = Rc::new(AppState::default());
        let next = reduce(&s, Action::SetYears(2));
        assert_eq!(next.scenario.programme_years, 2);
        assert!(next.scenario.targets.is_empty());
        assert!(next.scenario.validate().is_ok());
    }

    #[test]
    fn assumptions_keep_their_ranges() {
        let s = with_assumption(
            adoption_formats::preset::cantabria(),
            Assumption::VoucherConversion,
            0.5,
        );
        assert_eq!(s.vouchers.conversion.central(), 0.5);
        assert!(s.vouchers.conversion.is_uncertain());
        let s = with_assumption(s, Assumption::FirmsPerAction, 7.4);
        assert_eq!(s.training.firms_per_action, 7);
        let s = with_assumption(s, Assumption::PilotSuccess, 7.0);
        assert_eq!(s.pilots.success.central(), 1.0);
    }
}
