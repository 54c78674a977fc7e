//! The reducer: how each [`Action`] changes the [`AppState`]. Plain Rust, tested natively.

use std::rc::Rc;

use adoption_formats::message::Message;
use adoption_formats::preset;
use adoption_model::Param;
use adoption_model::scenario::{FORMAT_VERSION, Segment, TargetKind};
use adoption_model::{Scenario, Summary};
use yew::Reducible;

use super::{
    Action, AppState, Compared, Consultation, Failure, FileProblem, JobId, Notice, OldWork, Shown,
    Status, technology_presets,
};
use crate::mix;
use crate::storage::{self, Saved, SavedId};

impl AppState {
    /// The state with a new scenario, if it is valid and differs; the old state otherwise.
    fn with_scenario(self: Rc<Self>, mut scenario: Scenario) -> Rc<Self> {
        // Numbers computed or typed on the page are kept as a file or link would keep them.
        scenario.normalize();
        if scenario == self.scenario
            || scenario.validate().is_err()
            || !self.keeps_consultation(&scenario)
        {
            return self;
        }
        Rc::new(AppState {
            scenario,
            revision: self.revision + 1,
            status: Status::Running { runs_done: 0 },
            ..(*self).clone()
        })
    }

    /// The state with a cloned scenario changed by `change`.
    fn edit(self: Rc<Self>, change: impl FnOnce(&mut Scenario)) -> Rc<Self> {
        let mut scenario = self.scenario.clone();
        change(&mut scenario);
        self.with_scenario(scenario)
    }

    /// The state with a notice more.
    fn notified(self: Rc<Self>, notice: Notice) -> Rc<Self> {
        Rc::new((*self).clone().notify(notice))
    }

    /// A population file's segments put into the current scenario; targets the new
    /// population is too small for are dropped (they would be refused with it).
    fn import_population(self: Rc<Self>, file: String, segments: Vec<Segment>) -> Rc<Self> {
        let mut next = Scenario {
            segments,
            ..self.scenario.clone()
        };
        let firms = next.total_firms() as f64;
        next.targets
            .retain(|t| t.value <= firms || t.kind == TargetKind::AdoptionShare);
        if let Err(e) = next.validate() {
            let problem = FileProblem::Refused(vec![Message::from(&e)]);
            return self.notified(Notice::PopulationFile { file, problem });
        }
        self.with_scenario(next).notified(Notice::Imported(file))
    }

    /// The region's preset for `technology`, with this scenario's budget, mix and
    /// programme years (and headline year, when the preset's years have it).
    fn with_technology(self: Rc<Self>, technology: &str) -> Rc<Self> {
        if technology == self.scenario.technology {
            return self;
        }
        let Some((_, p)) = technology_presets(&self.scenario.region)
            .into_iter()
            .find(|(t, _)| t == technology)
        else {
            return self;
        };
        let mut next = p.scenario();
        let now = &self.scenario;
        next.budget_eur = now.budget_eur;
        next.mix = now.mix;
        next.programme_years = now.programme_years.min(next.years);
        let years = next.start_year + 1..next.horizon_year();
        next.headline_year = now.headline_year.filter(|y| years.contains(y));
        let changed = self.clone().with_scenario(next);
        if Rc::ptr_eq(&changed, &self) {
            return self;
        }
        Rc::new(AppState {
            preset: p.name.to_string(),
            ..(*changed).clone()
        })
    }

    /// Saved-scenario actions: save, rename, delete, restore, tick for comparison.
    fn reduce_saved(self: Rc<Self>, action: Action) -> Rc<Self> {
        let position = |id: SavedId| self.saved.iter().position(|s| s.id == id);
        match action {
            Action::Save { name, saved_at } => {
                let mut next = (*self).clone();
                let id = self
                    .saved
                    .iter()
                    .map(|s| s.id.0 + 1)
                    .fold(self.next_saved_id, u64::max);
                next.next_saved_id = id + 1;
                next.saved.push(Saved {
                    id: SavedId(id),
                    name: storage::clip_name(&name),
                    saved_at,
                    scenario: Ok(self.scenario.clone()),
                    from_version: FORMAT_VERSION,
                });
                Rc::new(next)
            }
            Action::RenameSaved(id, name) => match position(id) {
                Some(i) => {
                    let mut next = (*self).clone();
                    next.saved[i].name = storage::clip_name(&name);
                    Rc::new(next)
                }
                None => self,
            },
            Action::DeleteSaved(id) => match position(id) {
                Some(i) => {
                    let mut next = (*self).clone();
                    next.saved.remove(i);
                    next.compare.retain(|&k| k != id);
                    next.compared.retain(|(k, _)| *k != id);
                    Rc::new(next)
                }
                None => self,
            },
            Action::RestoreSaved(id) => match self.saved(id) {
                Some(Saved {
                    scenario: Ok(scenario),
                    from_version,
                    ..
                }) => {
                    let old = Notice::old_model(*from_version, OldWork::Saved);
                    let next = self.clone().with_scenario(scenario.clone());
                    match old {
                        Some(notice) => next.notified(notice),
                        None => next,
                    }
                }
                _ => self,
            },
            Action::Compare(id, on) if on != self.compare.contains(&id) => {
                let mut next = (*self).clone();
                if on {
                    next.compare.push(id);
                } else {
                    next.compare.retain(|&k| k != id);
                }
                Rc::new(next)
            }
            _ => self,
        }
    }

    /// A worker's answer: kept if the state still wants it (the current revision, or a
    /// saved scenario being compared), dropped otherwise.
    fn answered(self: Rc<Self>, job: JobId, result: Answered) -> Rc<Self> {
        match job {
            // A first look never replaces the exact result of the same revision.
            JobId::Main(revision)
                if revision == self.revision
                    && matches!(result, Answered::Partial(..))
                    && self.status == Status::Ready =>
            {
                self
            }
            JobId::Main(revision) if revision == self.revision => {
                let scenario = match &self.shown {
                    Some(shown) if shown.revision == revision => shown.scenario.clone(),
                    _ => Rc::new(self.scenario.clone()),
                };
                let mut next = (*self).clone();
                match result {
                    Answered::Partial(summary, runs_done) => {
                        next.status = Status::Running { runs_done };
                        next.shown = Some(Shown {
                            revision,
                            scenario,
                            summary,
                        });
                    }
                    Answered::Done(summary, compute_ms) => {
                        next.status = Status::Ready;
                        next.compute_ms = Some(compute_ms);
                        next.shown = Some(Shown {
                            revision,
                            scenario,
                            summary,
                        });
                    }
                    Answered::Failed(failure) => next.status = Status::Failed(failure),
                }
                Rc::new(next)
            }
            JobId::Saved(id) if self.saved(id).is_some() => {
                let compared = match result {
                    // A comparison shows whole results only.
                    Answered::Partial(..) => return self,
                    Answered::Done(summary, _) => Compared::Ready(summary),
                    Answered::Failed(_) => Compared::Failed,
                };
                let mut next = (*self).clone();
                next.compared.retain(|(k, _)| *k != id);
                next.compared.push((id, compared));
                Rc::new(next)
            }
            // Superseded revisions, deleted scenarios.
            _ => self,
        }
    }
}

/// What a worker said about a job.
enum Answered {
    /// The summary of the runs done so far, and how many.
    Partial(Rc<Summary>, u32),
    /// The summary of every run, and the milliseconds it took.
    Done(Rc<Summary>, f64),
    /// Why it could not be computed.
    Failed(Failure),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetBudget(budget) => self.edit(|s| s.budget_eur = budget),
            Action::SetYears(years) => self.edit(|s| {
                s.years = years;
                s.programme_years = s.programme_years.min(years);
                // Targets past the new horizon cannot be judged: drop them.
                let horizon = s.horizon_year();
                s.targets.retain(|t| t.year <= horizon);
                // A headline year at or past the new horizon becomes the horizon.
                s.headline_year = s.headline_year.filter(|&y| y < horizon);
            }),
            Action::SetHeadlineYear(year) => self.edit(|s| {
                // The horizon is the default: a link then need not carry it.
                s.headline_year = (year != s.horizon_year()).then_some(year);
            }),
            Action::SetTechnology(technology) => self.with_technology(&technology),
            Action::SetProgrammeYears(years) => self.edit(|s| s.programme_years = years),
            Action::SetShare(instrument, percent) => {
                let p = mix::rebalance(self.percents(), self.locks, instrument.index(), percent);
                self.edit(|s| s.mix = mix::mix_of(p))
            }
            Action::UseMix(p) if p.iter().sum::<u32>() == 100 => {
                self.edit(|s| s.mix = mix::mix_of(p))
            }
            Action::UseMix(_) => self,
            Action::SetDiffusion(p, q) => self.edit(|s| {
                for segment in &mut s.segments {
                    (segment.p, segment.q) = (Param::Range(p), Param::Range(q));
                }
            }),
            // A share the consultation fixes stays held.
            Action::ToggleLock(instrument) if self.fixed_shares()[instrument.index()] => self,
            Action::ToggleLock(instrument) => {
                let mut next = (*self).clone();
                let i = instrument.index();
                next.locks[i] = !next.locks[i];
                Rc::new(next)
            }
            Action::SetAssumption(which, value) => self.edit(|s| which.set_central(s, value)),
            Action::LoadPreset(name) => match preset::preset(&name) {
                Some(p) if name != self.preset || p.scenario() != self.scenario => {
                    let next = self.clone().with_scenario(p.scenario());
                    Rc::new(AppState {
                        preset: name,
                        locks: next.fixed_shares(),
                        ..(*next).clone()
                    })
                }
                _ => self,
            },
            Action::ImportScenario { file, scenario } => {
                let title = if scenario.name.is_empty() {
                    file
                } else {
                    scenario.name.clone()
                };
                self.with_scenario(*scenario)
                    .notified(Notice::Imported(title))
            }
            Action::ImportPopulation { file, segments } => self.import_population(file, segments),
            Action::SetLang(lang) if lang != self.lang || !self.lang_chosen => Rc::new(AppState {
                lang,
                lang_chosen: true,
                ..(*self).clone()
            }),
            Action::SetLang(_) => self,
            Action::AddTarget(target) => self.edit(|s| s.targets.push(target)),
            Action::SetTarget(i, target) if i < self.scenario.targets.len() => {
                self.edit(|s| s.targets[i] = target)
            }
            Action::RemoveTarget(i) if i < self.scenario.targets.len() => {
                self.edit(|s| drop(s.targets.remove(i)))
            }
            Action::SetTarget(..) | Action::RemoveTarget(_) => self,
            Action::Save { .. }
            | Action::RenameSaved(..)
            | Action::DeleteSaved(_)
            | Action::RestoreSaved(_)
            | Action::Compare(..) => self.reduce_saved(action),
            Action::SetGroup(group) => match &self.consultation {
                Some(c) if c.group != group => {
                    let mut next = (*self).clone();
                    next.consultation = Some(Rc::new(Consultation {
                        setup: c.setup.clone(),
                        group,
                    }));
                    Rc::new(next)
                }
                _ => self,
            },
            Action::Notify(notice) => self.notified(notice),
            Action::ShowChartView(view) if view != self.chart_view => Rc::new(AppState {
                chart_view: view,
                ..(*self).clone()
            }),
            Action::ShowChartView(_) => self,
            Action::Dismiss(id) => {
                let mut next = (*self).clone();
                next.notices.retain(|(n, _)| *n != id);
                Rc::new(next)
            }
            Action::Progress {
                job,
                runs_done,
                summary,
            } => self.answered(job, Answered::Partial(summary, runs_done)),
            Action::Finished {
                job,
                summary,
                compute_ms,
            } => self.answered(job, Answered::Done(summary, compute_ms)),
            Action::Refused { job, failure } => self.answered(job, Answered::Failed(failure)),
        }
    }
}

#[cfg(test)]
mod tests;
