//! The page's single state, the actions that change it, and the hook that reads it.
//!
//! One [`AppState`] held by a reducer ([`reducer`]) and published by a context provider
//! ([`AppProvider`], read with [`use_app`]); components dispatch verb-named [`Action`]s.
//! An action that changes nothing returns the same `Rc`, so nothing re-renders. Every
//! scenario change bumps `revision`.
//!
//! What the results show is one value, [`Shown`]: a summary together with the scenario
//! (and revision) that produced it, so no view can pair an older summary with a newer
//! scenario. The worker pipeline asks the state what to compute next ([`AppState::next_job`]):
//! the current revision first, then the saved scenarios ticked for comparison; every answer
//! comes back as an action naming the job it answers ([`JobId`]), and answers to jobs the
//! state no longer wants are dropped.

mod context;
mod reducer;

use std::rc::Rc;

use adoption_formats::consultation::Setup;
use adoption_formats::link::LinkProblem;
use adoption_formats::message::Message;
use adoption_formats::preset::{PRESETS, Preset};
use adoption_model::assumption::Assumption;
use adoption_model::scenario::{FORMAT_VERSION, Segment, Target};
use adoption_model::{Instrument, Scenario, Summary};

pub use context::{AppProvider, AppProviderProps, StateHandle, use_app};

use crate::chart::ChartView;
use crate::i18n::{Lang, say};
use crate::mix;
use crate::storage::{Saved, SavedId, StoreProblem, WriteGuard};

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
    /// A link, file or saved scenario made with an older model: its figures now come from
    /// the current one.
    OldModel(OldWork),
}

/// Where old work came from (indexes `Texts::old_work`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OldWork {
    /// The link that opened the page.
    Link,
    /// A scenario file.
    File,
    /// A saved scenario.
    Saved,
}

impl Notice {
    /// The notice for work written in format `from_version`: `Some` when that is older than
    /// the current format (its figures now come from the current model).
    pub fn old_model(from_version: u64, work: OldWork) -> Option<Notice> {
        (from_version < FORMAT_VERSION).then_some(Notice::OldModel(work))
    }
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

/// The consultation the page was opened for (`?consult=CODE&…`): the organiser's set-up
/// and the participant's group. The organiser's fixed budget and shares hold for every
/// change of the scenario ([`AppState::keeps_consultation`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consultation {
    /// What the organiser set up.
    pub setup: Setup,
    /// The group the participant chose or typed ("" for none).
    pub group: String,
}

/// How the page is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mode {
    /// Compact widget for an iframe: no site chrome (`?embed=1`).
    pub embed: bool,
    /// Results only, controls locked (`?ro=1`).
    pub read_only: bool,
}

/// Why a simulation did not happen (worded when shown, in the page's language then).
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The model refused the scenario.
    Refused(Message),
    /// The browser would not start a web worker.
    NoWorker,
    /// A worker could not be reached, or could not run the job.
    Unreachable,
}

impl Failure {
    /// The failure in words, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            Failure::Refused(message) => say(message, lang),
            Failure::NoWorker => t.failure_no_worker.to_string(),
            Failure::Unreachable => t.failure_unreachable.to_string(),
        }
    }
}

/// Where the current revision's simulation stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Waiting for the worker's result for the current revision.
    Running {
        /// Runs summarised so far (0 until a partial result arrives).
        runs_done: u32,
    },
    /// The result shown belongs to the current revision and has all its runs.
    Ready,
    /// The current revision could not be simulated.
    Failed(Failure),
}

/// What the results show: a summary with the scenario and revision it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The revision simulated.
    pub revision: u64,
    /// The scenario of that revision.
    pub scenario: Rc<Scenario>,
    /// Its summary (of the runs done so far while that revision still runs).
    pub summary: Rc<Summary>,
}

/// What a job sent to the workers answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobId {
    /// The current scenario, at this revision.
    Main(u64),
    /// A saved scenario, for the comparison. (A saved entry's scenario never changes under
    /// its id, and ids are never reused, so the id alone names what was computed.)
    Saved(SavedId),
}

/// Where one compared scenario stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Compared {
    /// Waiting or being computed.
    Computing,
    /// Computed.
    Ready(Rc<Summary>),
    /// The simulator refused or failed it.
    Failed,
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
    /// The result shown, with its scenario (possibly an older revision while one runs).
    pub shown: Option<Shown>,
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
    /// The smallest id a newly saved scenario may take (ids are never reused in a session).
    pub next_saved_id: u64,
    /// Saved scenarios ticked for comparison, in the order they were ticked.
    pub compare: Vec<SavedId>,
    /// Comparison results so far, remembered for the session.
    pub compared: Vec<(SavedId, Compared)>,
    /// What the fan chart plots.
    pub chart_view: ChartView,
    /// The consultation the page was opened for, if any: the participant's view.
    pub consultation: Option<Rc<Consultation>>,
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Set the total budget (EUR).
    SetBudget(f64),
    /// Set the years simulated after the start year.
    SetYears(u32),
    /// Read the headline figures at this calendar year (the horizon when it is the horizon).
    SetHeadlineYear(i32),
    /// Switch to the region's preset for this technology, keeping the budget, the mix and
    /// the programme years.
    SetTechnology(String),
    /// Set the years over which the budget is spent.
    SetProgrammeYears(u32),
    /// Move one instrument's share to a whole percentage; the others rebalance.
    SetShare(Instrument, u32),
    /// Hold or release one instrument's share.
    ToggleLock(Instrument),
    /// Set the whole mix to these whole percents (the best-mix panel's "Use this mix");
    /// ignored unless they add up to 100.
    UseMix(crate::mix::Percents),
    /// Set every segment's p and q to these ranges (the calibration's "Apply"); ignored
    /// when the scenario would not be valid with them.
    SetDiffusion(adoption_model::param::Range, adoption_model::param::Range),
    /// Set an assumption's central value (clamped and rounded as the model's table says).
    SetAssumption(Assumption, f64),
    /// Start again from a preset.
    LoadPreset(String),
    /// A scenario file was read: it replaces the current scenario.
    ImportScenario {
        /// The file's name.
        file: String,
        /// The scenario it holds.
        scenario: Box<Scenario>,
    },
    /// A population file was read: its segments replace the current scenario's (targets
    /// the new population cannot reach are dropped).
    ImportPopulation {
        /// The file's name.
        file: String,
        /// The population it holds.
        segments: Vec<Segment>,
    },
    /// Switch the page's language (the user's choice).
    SetLang(Lang),
    /// Add a target.
    AddTarget(Target),
    /// Change a target.
    SetTarget(usize, Target),
    /// Remove a target.
    RemoveTarget(usize),
    /// Save the current scenario under a name.
    Save {
        /// The name.
        name: String,
        /// When (ISO 8601, from the browser clock: the reducer reads no clock).
        saved_at: String,
    },
    /// Rename a saved scenario.
    RenameSaved(SavedId, String),
    /// Delete a saved scenario.
    DeleteSaved(SavedId),
    /// Make a saved scenario the current one.
    RestoreSaved(SavedId),
    /// Tick (`true`) or untick a saved scenario for comparison.
    Compare(SavedId, bool),
    /// The participant's group in the consultation (ignored without one).
    SetGroup(String),
    /// Show a message.
    Notify(Notice),
    /// Hide a message.
    Dismiss(u64),
    /// Plot this on the fan chart.
    ShowChartView(ChartView),
    /// A partial result for a job.
    Progress {
        /// The job answered.
        job: JobId,
        /// Runs done.
        runs_done: u32,
        /// Their summary.
        summary: Rc<Summary>,
    },
    /// The final result for a job.
    Finished {
        /// The job answered.
        job: JobId,
        /// The summary.
        summary: Rc<Summary>,
        /// Worker milliseconds.
        compute_ms: f64,
    },
    /// A job could not be computed.
    Refused {
        /// The job answered.
        job: JobId,
        /// Why.
        failure: Failure,
    },
}

/// The presets for a region, one per technology (the first preset that models it), in the
/// presets' order: read from the presets themselves, so a new preset's technology is
/// offered without a change here.
pub fn technology_presets(region: &str) -> Vec<(String, &'static Preset)> {
    let mut found: Vec<(String, &'static Preset)> = Vec::new();
    for (preset_region, technology, p) in preset_topics() {
        if preset_region == region && found.iter().all(|(t, _)| t != technology) {
            found.push((technology.clone(), *p));
        }
    }
    found
}

/// Each preset's region and technology, read once: the technology choice is drawn on
/// every update of the page.
fn preset_topics() -> &'static [(String, String, &'static Preset)] {
    static TOPICS: std::sync::OnceLock<Vec<(String, String, &'static Preset)>> =
        std::sync::OnceLock::new();
    TOPICS.get_or_init(|| {
        PRESETS
            .iter()
            .map(|p| {
                let head = p.head();
                (head.region, head.technology, p)
            })
            .collect()
    })
}

impl Default for AppState {
    fn default() -> Self {
        let reference = &adoption_formats::preset::PRESETS[0];
        AppState::new(reference.scenario(), reference.name, Lang::En)
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
            shown: None,
            status: Status::Running { runs_done: 0 },
            compute_ms: None,
            lang_chosen: false,
            mode: Mode::default(),
            notices: Vec::new(),
            next_notice: 1,
            saved: Vec::new(),
            store_guard: WriteGuard(true),
            next_saved_id: 1,
            compare: Vec::new(),
            compared: Vec::new(),
            // The plan's effect itself: beside all adopters it is a thin gap between
            // two lines.
            chart_view: ChartView::Additional,
            consultation: None,
        }
    }

    /// The state opened for a consultation: its fixed shares held (and their holds locked).
    pub fn with_consultation(mut self, setup: Setup) -> AppState {
        self.locks = setup.locked;
        self.consultation = Some(Rc::new(Consultation {
            setup,
            group: String::new(),
        }));
        self
    }

    /// Which shares the consultation fixes (none without one).
    pub fn fixed_shares(&self) -> [bool; 3] {
        self.consultation
            .as_ref()
            .map_or([false; 3], |c| c.setup.locked)
    }

    /// Whether the consultation fixes the budget.
    pub fn budget_fixed(&self) -> bool {
        self.consultation
            .as_ref()
            .is_some_and(|c| c.setup.lock_budget)
    }

    /// Whether `next` keeps what the consultation fixes: the same budget and the same
    /// fixed shares as the current scenario (always, without a consultation).
    pub fn keeps_consultation(&self, next: &Scenario) -> bool {
        let (now, then) = (self.percents(), mix::percents(&next.mix));
        (!self.budget_fixed() || next.budget_eur == self.scenario.budget_eur)
            && (0..3).all(|i| !self.fixed_shares()[i] || now[i] == then[i])
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

    /// The saved scenario with this id.
    pub fn saved(&self, id: SavedId) -> Option<&Saved> {
        self.saved.iter().find(|s| s.id == id)
    }

    /// Where the comparison of saved scenario `id` stands.
    pub fn compared(&self, id: SavedId) -> Compared {
        self.compared
            .iter()
            .find(|(k, _)| *k == id)
            .map_or(Compared::Computing, |(_, c)| c.clone())
    }

    /// The job the workers should be doing: the current revision until it is settled, then
    /// each ticked saved scenario not computed yet, in the order ticked. The workers finish
    /// only the newest job they were sent, so jobs go one at a time, and a newer revision
    /// supersedes a comparison in flight (which is sent again once that revision is done).
    pub fn next_job(&self) -> Option<(JobId, &Scenario)> {
        if let Status::Running { .. } = self.status {
            return Some((JobId::Main(self.revision), &self.scenario));
        }
        self.compare.iter().find_map(|&id| {
            let scenario = self.saved(id)?.scenario.as_ref().ok()?;
            (self.compared(id) == Compared::Computing).then_some((JobId::Saved(id), scenario))
        })
    }
}
