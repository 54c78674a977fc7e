//! The frozen, versioned bases (`adoption_formats::bases`): what links start from and what
//! a scenario file's omitted fields take.
//!
//! `bases/v1/*.json` must never be edited: saved files and shared links read against them.

use adoption_formats::bases::{preset_v1, segment_v1};
use adoption_formats::preset::PRESETS;
use adoption_formats::scenario::from_json;
use adoption_model::Param;
use adoption_model::param::Range;

#[test]
fn every_frozen_base_reads_as_a_valid_scenario() {
    // Presets added after version 1 have no base of their own; these six do.
    for name in [
        "cantabria",
        "cantabria-fast-track",
        "murcia",
        "voucher-portugal",
        "training-kickstart",
        "example-region",
    ] {
        let base = preset_v1(name).unwrap_or_else(|| panic!("{name}: no frozen base"));
        assert!(base.validate().is_ok(), "{name}");
        assert!(PRESETS.iter().any(|p| p.name == name), "{name}");
    }
    assert!(preset_v1("atlantis").is_none());
    let segment = segment_v1();
    assert!(segment.p.is_uncertain() && segment.q.is_uncertain());
    assert!(segment.aware_share.is_uncertain());
}

#[test]
fn an_omitted_field_takes_the_frozen_base_not_the_live_preset() {
    let mut base = preset_v1("cantabria").expect("frozen");
    base.targets.clear();
    assert_eq!(from_json(r#"{"version": 1}"#).expect("valid"), base);
    // Within an object, only the fields written change.
    let s = from_json(r#"{"version": 1, "vouchers": {"value_eur": 5000}}"#).expect("valid");
    assert_eq!(s.vouchers.value_eur, 5_000.0);
    assert_eq!(s.vouchers.used, base.vouchers.used);
    assert_eq!(s.training, base.training);
}

#[test]
fn a_range_in_a_file_is_kept_whole() {
    let s = from_json(r#"{"version": 1, "training": {"uplift": {"low": 0.1, "high": 0.3}}}"#)
        .expect("valid");
    assert_eq!(
        s.training.uplift,
        Param::Range(Range {
            low: 0.1,
            mode: None,
            high: 0.3
        })
    );
    let s = from_json(
        r#"{"version": 1, "segments": [{"name": "All", "firms": 10, "adopters": 1, "q": 0.2}]}"#,
    )
    .expect("valid");
    assert_eq!(s.segments[0].q, Param::Exact(0.2));
    assert_eq!(s.segments[0].p, segment_v1().p);
}
