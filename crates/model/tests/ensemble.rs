//! Ensembles merged from parts equal one pass (`adoption_model::ensemble`).

use adoption_formats::preset;
use adoption_model::ensemble::split_runs;
use adoption_model::{Ensemble, Model, Scenario, Summary};

#[test]
fn ensembles_of_split_runs_merge_into_one_pass() {
    let scenario = Scenario {
        runs: 301,
        ..preset::cantabria()
    };
    let model = Model::new(&scenario).unwrap();
    let whole = Ensemble::simulate(&model, 0..301);
    let mut merged = Ensemble::new(&model);
    for r in split_runs(301, 3, 50) {
        merged.merge(&Ensemble::simulate(&model, r));
    }
    assert_eq!(merged.baseline(), whole.baseline());
    assert_eq!(merged.policy(), whole.policy());
    assert_eq!(merged.counts(), whole.counts());
    assert_eq!(Summary::new(&model, &merged), Summary::new(&model, &whole));
}

#[test]
fn an_ensemble_survives_being_taken_apart() {
    for scenario in [
        preset::cantabria(),
        Scenario {
            budget_eur: 0.0,
            ..preset::cantabria()
        },
    ] {
        let scenario = Scenario {
            runs: 30,
            ..scenario
        };
        let model = Model::new(&scenario).unwrap();
        let e = Ensemble::simulate(&model, 0..30);
        let back = Ensemble::from_parts(
            &model,
            30,
            e.baseline().to_vec(),
            e.stored_policy().to_vec(),
            e.firms().to_vec(),
            &e.counts_flat(),
        )
        .unwrap();
        assert_eq!(Summary::new(&model, &back), Summary::new(&model, &e));
        assert!(
            Ensemble::from_parts(
                &model,
                31,
                e.baseline().to_vec(),
                vec![],
                e.firms().to_vec(),
                &e.counts_flat()
            )
            .is_none()
        );
    }
}

#[test]
fn the_headline_alone_is_the_summarys() {
    for scenario in [
        preset::cantabria(),
        Scenario {
            budget_eur: 0.0,
            ..preset::cantabria()
        },
        preset::murcia(),
    ] {
        let scenario = Scenario {
            runs: 97,
            ..scenario
        };
        let model = Model::new(&scenario).unwrap();
        let e = Ensemble::simulate(&model, 0..97);
        assert_eq!(
            adoption_model::summary::Headline::new(&model, &e),
            Summary::new(&model, &e).summary
        );
    }
}
