//! Spanish for the presets' own words: names, descriptions, technologies, segments and
//! target labels, keyed by the English the scenarios carry.

/// English scenario text -> Spanish.
pub static DATA: &[(&str, &str)] = &[
    ("Cantabria: LIA upgrade", "Cantabria: LIA upgrade"),
    (
        "cloud computing services",
        "servicios de computación en la nube",
    ),
    ("Micro (1-9 staff)", "Micro (1-9 empleados)"),
    ("Small (10-49 staff)", "Pequeñas (10-49 empleados)"),
    ("Medium (50-249 staff)", "Medianas (50-249 empleados)"),
    (
        "100 more firms on cloud by 2030",
        "100 empresas más en la nube en 2030",
    ),
];
