//! The reducer's tests: revisions, what is shown, imports, saved scenarios, comparisons.

use super::*;
use crate::state::Status;
use adoption_model::Instrument;

fn reduce(state: &Rc<AppState>, action: Action) -> Rc<AppState> {
    state.clone().reduce(action)
}

fn finished(revision: u64, summary: &Rc<Summary>) -> Action {
    Action::Finished {
        job: JobId::Main(revision),
        summary: summary.clone(),
        compute_ms: 1.0,
    }
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
    let old = reduce(&s, finished(s.revision - 1, &summary));
    assert!(Rc::ptr_eq(&old, &s));
    let now = reduce(&s, finished(s.revision, &summary));
    assert_eq!(now.status, Status::Ready);
}

#[test]
fn a_result_is_never_shown_with_a_newer_scenario() {
    let first = Rc::new(AppState::default());
    let summary = Rc::new(Summary::default());
    let ready = reduce(&first, finished(first.revision, &summary));
    // The budget changes while nothing new has come back: the result shown keeps the
    // scenario that produced it.
    let changed = reduce(&ready, Action::SetBudget(3_000_000.0));
    let shown = changed.shown.as_ref().expect("the old result stays");
    assert_eq!(shown.revision, first.revision);
    assert_eq!(*shown.scenario, first.scenario);
    assert_ne!(*shown.scenario, changed.scenario);
    assert_eq!(changed.status, Status::Running { runs_done: 0 });
    // A late answer to the old revision changes nothing.
    let late = reduce(
        &changed,
        finished(first.revision, &Rc::new(Summary::default())),
    );
    assert!(Rc::ptr_eq(&late, &changed));
    // A partial result of the new revision shows with the new scenario, and its
    // final result keeps that scenario.
    let partial = reduce(
        &changed,
        Action::Progress {
            job: JobId::Main(changed.revision),
            runs_done: 100,
            summary: summary.clone(),
        },
    );
    let shown = partial.shown.as_ref().expect("a partial result");
    assert_eq!(
        (shown.revision, &*shown.scenario),
        (changed.revision, &changed.scenario)
    );
    assert_eq!(partial.status, Status::Running { runs_done: 100 });
    let done = reduce(&partial, finished(changed.revision, &summary));
    let shown = done.shown.as_ref().expect("the final result");
    assert!(Rc::ptr_eq(
        &shown.scenario,
        &partial.shown.as_ref().expect("partial").scenario
    ));
    assert_eq!(done.status, Status::Ready);
}

#[test]
fn a_first_look_never_replaces_the_exact_result() {
    let first = Rc::new(AppState::default());
    let exact = Rc::new(Summary {
        runs: first.scenario.runs,
        ..Summary::default()
    });
    let done = reduce(&first, finished(first.revision, &exact));
    // A first look of the same revision arriving after its exact result (another
    // worker's, late) changes nothing: the exact result stays, and so does `Ready`.
    let late = reduce(
        &done,
        Action::Progress {
            job: JobId::Main(first.revision),
            runs_done: 50,
            summary: Rc::new(Summary::default()),
        },
    );
    assert!(Rc::ptr_eq(&late, &done));
    assert_eq!(late.status, Status::Ready);
    assert!(Rc::ptr_eq(
        &late.shown.as_ref().expect("the exact result").summary,
        &exact
    ));
}

#[test]
fn the_chart_view_changes_through_the_reducer_and_opens_on_extra_adopters() {
    use crate::chart::ChartView;
    let s = Rc::new(AppState::default());
    assert_eq!(s.chart_view, ChartView::Additional);
    assert!(Rc::ptr_eq(
        &reduce(&s, Action::ShowChartView(ChartView::Additional)),
        &s
    ));
    let all = reduce(&s, Action::ShowChartView(ChartView::Adopters));
    assert_eq!(all.chart_view, ChartView::Adopters);
    assert_eq!(all.revision, s.revision, "a view is not a scenario change");
}

#[test]
fn a_failure_is_kept_with_its_revision() {
    let s = Rc::new(AppState::default());
    let failed = reduce(
        &s,
        Action::Refused {
            job: JobId::Main(s.revision),
            failure: Failure::NoWorker,
        },
    );
    assert_eq!(failed.status, Status::Failed(Failure::NoWorker));
    assert_eq!(failed.next_job(), None);
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
fn assumptions_are_set_by_the_models_table() {
    use adoption_model::assumption::Assumption;
    let set = |s: &Rc<AppState>, which, value| reduce(s, Action::SetAssumption(which, value));
    let mut s = Rc::new(AppState::default());
    s = set(&s, Assumption::VoucherConversion, 0.5);
    assert_eq!(s.scenario.vouchers.conversion.central(), 0.5);
    assert!(s.scenario.vouchers.conversion.is_uncertain());
    s = set(&s, Assumption::FirmsPerAction, 7.4);
    assert_eq!(s.scenario.training.firms_per_action, 7);
    s = set(&s, Assumption::PilotSuccess, 7.0);
    assert_eq!(s.scenario.pilots.success.central(), 1.0);
    // Not a number: nothing changes.
    let same = set(&s, Assumption::PilotCost, f64::NAN);
    assert!(Rc::ptr_eq(&same, &s));
}

/// The reference population cut to `firms` firms in one segment.
fn small_population(firms: u32) -> Vec<Segment> {
    let mut segment = adoption_formats::preset::cantabria().segments[0].clone();
    segment.firms = firms;
    segment.adopters = firms / 10;
    vec![segment]
}

#[test]
fn an_import_applies_to_the_scenario_as_it_is_when_read() {
    let s = Rc::new(AppState::default());
    assert!(!s.scenario.targets.is_empty(), "the reference has a target");
    // The user changes the budget while the file is being read...
    let changed = reduce(&s, Action::SetBudget(2_500_000.0));
    // ...then the file's segments arrive: the change made meanwhile is kept.
    let imported = reduce(
        &changed,
        Action::ImportPopulation {
            file: "firms.csv".into(),
            segments: small_population(5_000),
        },
    );
    assert_eq!(imported.scenario.budget_eur, 2_500_000.0);
    assert_eq!(imported.scenario.segments, small_population(5_000));
    assert_eq!(imported.revision, changed.revision + 1);
    assert!(matches!(imported.notices.last(), Some((_, Notice::Imported(f))) if f == "firms.csv"));
    // Targets a population of 50 firms cannot reach are dropped; shares are kept.
    let tiny = reduce(
        &imported,
        Action::ImportPopulation {
            file: "tiny.csv".into(),
            segments: small_population(50),
        },
    );
    assert!(
        tiny.scenario
            .targets
            .iter()
            .all(|t| t.value <= 50.0 || t.kind == TargetKind::AdoptionShare)
    );
    assert!(tiny.scenario.validate().is_ok());
}

#[test]
fn a_refused_population_changes_nothing_but_says_why() {
    let s = Rc::new(AppState::default());
    let mut bad = small_population(100);
    bad[0].adopters = 500;
    let next = reduce(
        &s,
        Action::ImportPopulation {
            file: "bad.csv".into(),
            segments: bad,
        },
    );
    assert_eq!(next.scenario, s.scenario);
    assert_eq!(next.revision, s.revision);
    assert!(matches!(
        next.notices.last(),
        Some((_, Notice::PopulationFile { file, problem: FileProblem::Refused(_) })) if file == "bad.csv"
    ));
}

fn save(name: &str) -> Action {
    Action::Save {
        name: name.into(),
        saved_at: "2026-12-01T10:00:00.000Z".into(),
    }
}

fn ids(s: &AppState) -> Vec<(u64, String)> {
    s.saved.iter().map(|e| (e.id.0, e.name.clone())).collect()
}

#[test]
fn saved_ids_stay_put_across_deletes_and_are_never_reused() {
    let mut s = Rc::new(AppState::default());
    for name in ["A", "B", "C"] {
        s = reduce(&s, save(name));
    }
    let before = ids(&s);
    let (a, b, c) = (s.saved[0].id, s.saved[1].id, s.saved[2].id);
    s = reduce(&s, Action::Compare(c, true));
    s = reduce(&s, Action::Compare(b, true));
    s = reduce(&s, Action::DeleteSaved(b));
    assert_eq!(ids(&s), vec![before[0].clone(), before[2].clone()]);
    assert_eq!(s.compare, vec![c], "the other comparison stays ticked");
    // Rename and restore reach the same entries after the delete.
    s = reduce(&s, Action::RenameSaved(c, "C2".into()));
    assert_eq!(s.saved(c).map(|e| e.name.as_str()), Some("C2"));
    assert_eq!(s.saved(a).map(|e| e.name.as_str()), Some("A"));
    // Deleting the last one and saving again gives a new id.
    s = reduce(&s, Action::DeleteSaved(c));
    s = reduce(&s, save("D"));
    let d = s.saved[1].id;
    assert!(![a, b, c].contains(&d), "{d:?} is new");
    // Unknown ids change nothing.
    let same = reduce(&s, Action::DeleteSaved(b));
    assert!(Rc::ptr_eq(&same, &s));
}

#[test]
fn the_comparison_runs_after_the_current_revision_one_job_at_a_time() {
    let mut s = Rc::new(AppState::default());
    s = reduce(&s, save("A"));
    s = reduce(&s, Action::SetBudget(2_000_000.0));
    s = reduce(&s, save("B"));
    let (a, b) = (s.saved[0].id, s.saved[1].id);
    s = reduce(&s, Action::Compare(b, true));
    s = reduce(&s, Action::Compare(a, true));
    // The current revision first.
    assert_eq!(s.next_job().map(|(j, _)| j), Some(JobId::Main(s.revision)));
    let summary = Rc::new(Summary::default());
    s = reduce(&s, finished(s.revision, &summary));
    // Then the ticked ones, in the order ticked, each with its own scenario.
    let (job, scenario) = s.next_job().expect("a comparison job");
    assert_eq!(job, JobId::Saved(b));
    assert_eq!(scenario.budget_eur, 2_000_000.0);
    // A partial answer is not a comparison result.
    let partial = reduce(
        &s,
        Action::Progress {
            job: JobId::Saved(b),
            runs_done: 10,
            summary: summary.clone(),
        },
    );
    assert!(Rc::ptr_eq(&partial, &s));
    s = reduce(
        &s,
        Action::Finished {
            job: JobId::Saved(b),
            summary: summary.clone(),
            compute_ms: 1.0,
        },
    );
    assert_eq!(s.compared(b), Compared::Ready(summary.clone()));
    assert_eq!(s.next_job().map(|(j, _)| j), Some(JobId::Saved(a)));
    // A new revision goes before the comparison still waiting.
    s = reduce(&s, Action::SetBudget(1_000_000.0));
    assert_eq!(s.next_job().map(|(j, _)| j), Some(JobId::Main(s.revision)));
    s = reduce(&s, finished(s.revision, &summary));
    s = reduce(
        &s,
        Action::Refused {
            job: JobId::Saved(a),
            failure: Failure::Unreachable,
        },
    );
    assert_eq!(s.compared(a), Compared::Failed);
    assert_eq!(s.next_job(), None);
    // Results are remembered: unticking and ticking again needs no new job.
    s = reduce(&s, Action::Compare(b, false));
    s = reduce(&s, Action::Compare(b, true));
    assert_eq!(s.next_job(), None);
    assert_eq!(s.compare, vec![a, b]);
}

#[test]
fn the_headline_year_is_chosen_within_the_years_and_follows_the_horizon() {
    let s = Rc::new(AppState::default());
    let horizon = s.scenario.horizon_year();
    let earlier = reduce(&s, Action::SetHeadlineYear(horizon - 3));
    assert_eq!(earlier.scenario.headline_year, Some(horizon - 3));
    assert_eq!(earlier.revision, s.revision + 1);
    // The horizon is the default, kept as no choice (links need not carry it).
    let back = reduce(&earlier, Action::SetHeadlineYear(horizon));
    assert_eq!(back.scenario.headline_year, None);
    assert_eq!(back.scenario.headline_year(), horizon);
    // Years outside start+1..=horizon never land.
    for year in [s.scenario.start_year, horizon + 1] {
        assert!(Rc::ptr_eq(
            &reduce(&earlier, Action::SetHeadlineYear(year)),
            &earlier
        ));
    }
    // A shorter horizon that passes the chosen year brings the headline to the horizon.
    let shorter = reduce(&earlier, Action::SetYears(s.scenario.years - 5));
    assert_eq!(shorter.scenario.headline_year, None);
    let kept = reduce(&earlier, Action::SetYears(s.scenario.years - 1));
    assert_eq!(kept.scenario.headline_year, Some(horizon - 3));
}

#[test]
fn choosing_a_technology_switches_preset_and_keeps_the_plan() {
    let cantabria = AppState::default().scenario;
    let offered = technology_presets(&cantabria.region);
    assert!(offered.iter().any(|(t, _)| *t == cantabria.technology));
    for (technology, p) in &offered {
        assert_eq!(p.scenario().technology, *technology);
        assert_eq!(p.scenario().region, cantabria.region);
    }
    // From a scenario of the user's own (another technology, the same region), with its
    // own budget, mix, programme years and headline year.
    let mut own = cantabria.clone();
    own.technology = "a technology of my own".into();
    own.budget_eur = 2_000_000.0;
    own.mix = mix::mix_of([70, 20, 10]);
    own.programme_years = 2;
    own.headline_year = Some(own.start_year + 4);
    let s = Rc::new(AppState::new(own.clone(), "", crate::i18n::Lang::En));
    for (technology, p) in &offered {
        let next = reduce(&s, Action::SetTechnology(technology.clone()));
        assert_eq!(next.scenario.technology, *technology);
        assert_eq!(next.preset, p.name);
        assert_eq!(next.scenario.segments, p.scenario().segments);
        assert_eq!(next.scenario.budget_eur, own.budget_eur);
        assert_eq!(next.scenario.mix, own.mix);
        assert_eq!(next.scenario.programme_years, own.programme_years);
        assert_eq!(next.scenario.headline_year, own.headline_year);
        assert_eq!(next.revision, s.revision + 1);
        // Choosing the technology shown, or one no preset of the region models, changes nothing.
        assert!(Rc::ptr_eq(
            &reduce(&next, Action::SetTechnology(technology.clone())),
            &next
        ));
    }
    assert!(Rc::ptr_eq(
        &reduce(&s, Action::SetTechnology("nothing known".into())),
        &s
    ));
}

#[test]
fn old_work_gets_a_notice_and_current_work_none() {
    use crate::state::OldWork;
    use adoption_model::scenario::FORMAT_VERSION;
    assert_eq!(
        Notice::old_model(FORMAT_VERSION - 1, OldWork::Link),
        Some(Notice::OldModel(OldWork::Link))
    );
    assert_eq!(Notice::old_model(FORMAT_VERSION, OldWork::File), None);
    let s = Rc::new(AppState::default());
    let told = reduce(&s, Action::Notify(Notice::OldModel(OldWork::Saved)));
    assert_eq!(
        told.notices.last().map(|(_, n)| n),
        Some(&Notice::OldModel(OldWork::Saved))
    );
}

#[test]
fn use_mix_sets_the_whole_mix_exactly_and_refuses_shares_not_adding_to_100() {
    let s = Rc::new(AppState::default());
    let next = reduce(&s, Action::UseMix([60, 0, 40]));
    assert_eq!(next.revision, s.revision + 1);
    assert_eq!(
        (
            next.scenario.mix.vouchers,
            next.scenario.mix.training,
            next.scenario.mix.pilots
        ),
        (0.6, 0.0, 0.4)
    );
    // Held shares do not stop it: the panel's mix is taken whole.
    let held = reduce(&next, Action::ToggleLock(Instrument::Vouchers));
    let again = reduce(&held, Action::UseMix([5, 15, 80]));
    assert_eq!(crate::mix::percents(&again.scenario.mix), [5, 15, 80]);
    for bad in [[60, 0, 41], [0, 0, 0], [100, 100, 0]] {
        assert!(
            Rc::ptr_eq(&reduce(&again, Action::UseMix(bad)), &again),
            "{bad:?}"
        );
    }
}

#[test]
fn set_diffusion_puts_the_ranges_into_every_segment_and_refuses_invalid_ones() {
    use adoption_model::param::Range;
    let range = |low, mode, high| Range {
        low,
        mode: Some(mode),
        high,
    };
    let s = Rc::new(AppState::default());
    let (p, q) = (range(0.0002, 0.003, 0.0128), range(0.23, 0.29, 0.33));
    let next = reduce(&s, Action::SetDiffusion(p, q));
    assert_eq!(next.revision, s.revision + 1);
    for seg in &next.scenario.segments {
        assert_eq!((seg.p, seg.q), (Param::Range(p), Param::Range(q)));
    }
    // A share above 1 or a range out of order: nothing changes.
    for bad in [range(0.1, 0.5, 1.5), range(0.3, 0.2, 0.1)] {
        assert!(Rc::ptr_eq(
            &reduce(&next, Action::SetDiffusion(bad, q)),
            &next
        ));
    }
}

#[test]
fn a_consultation_keeps_its_fixed_budget_and_shares_whatever_the_action() {
    let setup = adoption_formats::consultation::read("consult=c26&lock=budget,pilots&groups=*")
        .setup
        .expect("set up");
    let s = Rc::new(AppState::default().with_consultation(setup));
    assert_eq!(s.locks, [false, false, true]);
    let pilots = s.percents()[2];
    // The budget and the fixed share do not move, nor does its hold come off.
    assert!(Rc::ptr_eq(&reduce(&s, Action::SetBudget(123_456.0)), &s));
    assert!(Rc::ptr_eq(
        &reduce(&s, Action::SetShare(Instrument::Pilots, 5)),
        &s
    ));
    assert!(Rc::ptr_eq(
        &reduce(&s, Action::ToggleLock(Instrument::Pilots)),
        &s
    ));
    let other = [100 - pilots, 0, pilots];
    let moved = reduce(&s, Action::UseMix([0, 100 - pilots, pilots]));
    assert_eq!(moved.percents(), [0, 100 - pilots, pilots]);
    if pilots > 0 {
        assert!(Rc::ptr_eq(
            &reduce(&moved, Action::UseMix([100, 0, 0])),
            &moved
        ));
    }
    let slid = reduce(&moved, Action::SetShare(Instrument::Vouchers, 100 - pilots));
    assert_eq!(slid.percents(), other);
    // A preset with another budget is refused; the group is set through the reducer.
    let preset = adoption_formats::preset::PRESETS[1].name.to_string();
    let kept = reduce(&slid, Action::LoadPreset(preset));
    assert_eq!(kept.scenario.budget_eur, s.scenario.budget_eur);
    assert!(kept.locks[2]);
    let grouped = reduce(&kept, Action::SetGroup("Besaya".into()));
    assert_eq!(
        grouped.consultation.as_ref().map(|c| c.group.as_str()),
        Some("Besaya")
    );
    // Without a consultation, a group means nothing.
    let plain = Rc::new(AppState::default());
    assert!(Rc::ptr_eq(
        &reduce(&plain, Action::SetGroup("x".into())),
        &plain
    ));
}
