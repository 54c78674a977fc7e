//! Spanish.

use super::LOCALE;
use crate::i18n::Texts;

/// The Spanish texts.
pub static TEXTS: Texts = Texts {
    language_name: "Español",
    messages: super::messages::template,
    file_too_large: "ocupa más de 1 MB, más de lo que necesita cualquier archivo de escenario o de población",
    file_not_text: "no es un archivo de texto",
    language: "Idioma",
    title: "Simulador de políticas de digitalización de pymes",
    tagline: "Fije un presupuesto y repártalo entre bonos, formación y proyectos piloto: vea cuántas pequeñas empresas más se digitalizan y con qué grado de certeza.",
    preset: "Escenario predefinido",
    your_plan: "Su plan",
    budget: "Presupuesto",
    budget_hint: "Dinero público total para todo el programa, en euros",
    programme_years: "Años del programa",
    programme_years_hint: "Años en que se gasta el presupuesto, desde el año próximo",
    horizon: "Años a proyectar",
    horizon_hint: "Hasta dónde miran los resultados",
    mix_heading: "Cómo se reparte el presupuesto",
    mix_hint: "Al mover una parte, las demás se reajustan; fije una parte para mantenerla.",
    instruments: ["Bonos", "Formación", "Pilotos"],
    instrument_help: [
        "Ayudas para adoptar la tecnología",
        "Cursos breves que acercan la innovación a empresas menos innovadoras",
        "Proyectos de demostración: una empresa anfitriona adopta y sus pares lo ven funcionar",
    ],
    hold: "Fijar",
    hold_share: |name| format!("Fijar la parte de {name}"),
    buys: |v, t, p| {
        format!(
            "= {} · {} · {}",
            LOCALE.count_noun(v, "bono", "bonos"),
            LOCALE.count_noun(t, "acción formativa", "acciones formativas"),
            LOCALE.count_noun(p, "piloto", "pilotos")
        )
    },
    unspent: |amount| format!("Sobran {amount} (menos de una unidad más)"),
    assumptions: "Supuestos",
    assumptions_intro: "Los principales supuestos del modelo. Los inciertos varían de una simulación a otra dentro de su rango; usted fija el valor más probable.",
    estimate: "est.",
    range: |low, high| format!("rango plausible de {low} a {high}"),
    source: "Fuente",
    assumption_labels: [
        "Importe del bono (EUR)",
        "Coste de gestión por bono (EUR)",
        "Proporción de bonos utilizados",
        "Probabilidad de que un bono utilizado lleve a adoptar",
        "Coste de una acción formativa (EUR)",
        "Empresas nuevas por acción formativa",
        "Probabilidad anual adicional de adoptar tras la formación",
        "Años que dura el efecto de la formación",
        "Coste público de un piloto (EUR)",
        "Probabilidad de que la empresa anfitriona adopte",
        "Adoptantes a los que equivale un piloto con éxito ante sus pares",
    ],
    assumption_sources: [
        "Vale Indústria 4.0 (Portugal) hasta 7.500; Países Bajos 7.500; Irlanda 5.000; Kit Digital unos 4.000",
        "estimación propia",
        "Sorteo de bonos en Países Bajos: 1 de cada 10 sin usar (CPB 2006); Kit Digital: más del 25 % del presupuesto devuelto",
        "Sorteo de bonos en Países Bajos: 8 de cada 9 bonos usados fueron adicionales (Cornet, Vroomen y van der Steeg, CPB 2006)",
        "Formación básica de los EDIH: hasta 5.000 por pyme",
        "Plan LIA upgrade: 20 acciones para 100 empresas; Kickstart Digitalization: unas 10 empresas",
        "Ensayo Evolve Digital (Reino Unido); Hardy y McCasland 2021: la formación mejora la sensibilización más que la adopción",
        "estimación propia",
        "Servicios «probar antes de invertir» de los EDIH: de 15.000 a 30.000 por pyme",
        "estimación propia",
        "efectos de red: Vu, Rohman y Bohlin 2024; Shi et al. 2020",
    ],
    results_heading: |year| format!("Lo que logra el plan hasta {year}"),
    additional_adopters: "Empresas que adoptan gracias al plan",
    additional_explainer: |tech| {
        format!(
            "Empresas adicionales que usan {tech}, frente a no tener plan (media de los futuros simulados)"
        )
    },
    interval: |low, high| format!("En 9 de cada 10 futuros simulados: de {low} a {high}"),
    cost_per_adopter: "Coste por empresa adicional que adopta",
    cost_undefined: "No definido: el plan no añade adoptantes",
    share_digitalised: "Proporción de empresas que adoptan",
    with_without: |with, without| format!("{with} con el plan, {without} sin él"),
    firms_reached: "Empresas alcanzadas",
    reached_detail: |awarded, used, trained, actions, pilots| {
        format!(
            "{awarded} bonos concedidos ({used} utilizados) · {trained} empresas formadas en {actions} acciones · {pilots} pilotos"
        )
    },
    deadweight: "Peso muerto",
    deadweight_detail: "de las empresas apoyadas que adoptaron lo habrían hecho ese año de todos modos",
    spend: |spent, budget| {
        format!("{spent} gastados de {budget} (los bonos no utilizados no se pagan)")
    },
    targets: "Objetivos",
    target_chance: |label, chance| format!("{label}: probabilidad {chance}"),
    target_baseline: |chance| format!("sin el plan: {chance}"),
    chart_title: |tech| format!("Empresas que usan {tech}"),
    chart_title_additional: "Empresas adicionales que adoptan gracias al plan",
    view_adopters: "Todas las adoptantes",
    view_additional: "Adoptantes adicionales",
    view: "El gráfico muestra",
    legend_policy: "Con el plan (mediana)",
    legend_band50: "La mitad de los futuros simulados",
    legend_band90: "9 de cada 10 futuros simulados",
    legend_baseline: "Sin el plan (mediana)",
    legend_additional: "Adoptantes adicionales (mediana)",
    legend_programme: "Años del programa",
    axis_firms: "empresas",
    point_label: |year, with, without, extra| {
        format!("{year}: {with} con el plan, {without} sin él, {extra} adicionales")
    },
    show_table: "Ver los datos en una tabla",
    table_caption: |tech| format!("Empresas que usan {tech}, por año"),
    table_year: "Año",
    table_without: "Sin el plan (mediana)",
    table_with: "Con el plan (mediana)",
    table_additional: "Adicionales (media)",
    table_interval: "Adicionales: 9 de cada 10 futuros",
    computing: "Calculando…",
    compare_failed: "No se pudo calcular",
    computing_partial: |done, total| format!("Calculando… {done} de {total} futuros simulados"),
    based_on: |runs| format!("Basado en {runs} futuros simulados"),
    failed: |why| format!("Este escenario no se puede simular: {why}"),
    failure_no_worker: "el simulador no pudo iniciarse en este navegador",
    failure_unreachable: "no se pudo contactar con el simulador",
    entry_not_saved: "no es un escenario guardado",
    not_a_number: "Introduzca un número.",
    clamped: |value| format!("Fuera de rango: se ha fijado en {value}."),
    exact_value: |label| format!("{label}, valor exacto"),
    whole_number: "Introduzca un número entero.",
    privacy: "Funciona por completo en su navegador: nada de lo que introduce sale de esta página.",
    how_it_works: "Cómo funciona el modelo",
    estimates_note: "est. = estimación",
    dismiss: "Cerrar",
    details: "Detalles",
    notice_link: "Algunas partes de este enlace no se pudieron usar; esos ajustes muestran sus valores habituales:",
    notice_store_unreadable: |backup| {
        format!(
            "No se pudieron leer sus escenarios guardados. Se conservan, sin cambios, en este navegador con la clave \"{backup}\"; los nuevos se guardan aparte."
        )
    },
    notice_store_newer: "Sus escenarios se guardaron con una versión más reciente del simulador: se muestran tal cual y no se escribirá nada encima.",
    notice_store_some: |n| {
        if (LOCALE.one)(n as u64) {
            "Un escenario guardado no se puede leer con esta versión; se conserva sin cambios."
                .to_string()
        } else {
            format!(
                "{n} escenarios guardados no se pueden leer con esta versión; se conservan sin cambios."
            )
        }
    },
    notice_store_write: "Este navegador no permitió guardar (el almacenamiento puede estar lleno o bloqueado). Lo que ve en pantalla no se pierde, pero no se ha guardado.",
    notice_store_unavailable: "Este navegador no permite guardar escenarios (el almacenamiento está bloqueado).",
    notice_scenario_file: "Este archivo no es un escenario que el simulador pueda leer. No se ha cambiado nada.",
    notice_population_file: "Este archivo de población no se pudo usar. No se ha cambiado nada.",
    notice_imported: |name| format!("Se ha cargado \"{name}\"."),
    saved_heading: "Escenarios guardados",
    save_name: "Nombre para este escenario",
    save: "Guardar",
    default_name: |n| format!("Escenario {n}"),
    no_saved: "Aún no hay escenarios guardados. Guarde este para compararlo con otros más tarde.",
    restore: |name| format!("Abrir \"{name}\""),
    rename: |name| format!("Cambiar el nombre de \"{name}\""),
    delete: |name| format!("Borrar \"{name}\""),
    compare_this: |name| format!("Comparar \"{name}\""),
    saved_unreadable: "no se puede leer con esta versión",
    compare_heading: "Comparar escenarios",
    compare_hint: "Marque escenarios guardados para compararlos con el actual.",
    current: "Actual",
    compare_columns: [
        "Escenario",
        "Presupuesto",
        "Reparto (bonos / formación / pilotos)",
        "Adoptantes adicionales (9 de cada 10 futuros)",
        "Coste por adoptante adicional",
        "Probabilidad de los objetivos",
    ],
    compare_chart: "Adoptantes adicionales por año (mediana de los futuros simulados)",
    add_target: "Añadir un objetivo",
    eu_goal: "Añadir el objetivo de la UE: 90 % de las empresas en 2030",
    target_kinds: [
        "Empresas adicionales que adoptan",
        "Empresas que adoptan",
        "Proporción de empresas que adoptan",
    ],
    target_fields: ["Objetivo", "Año", "Al menos"],
    remove_target: |n| format!("Quitar el objetivo {n}"),
    export_heading: "Exportar",
    export_buttons: [
        "Cifras anuales (CSV)",
        "Gráfico (PNG)",
        "Gráfico (SVG)",
        "Escenario (JSON)",
        "Informe para imprimir",
    ],
    import_heading: "Importar",
    import_scenario: "Abrir un archivo de escenario (JSON)",
    import_population: "Usar las empresas de su región (CSV)",
    csv_template: "Descargar la plantilla CSV",
    drop_hint: "También puede soltar un archivo de escenario (.json) o de población (.csv) en cualquier parte de esta página.",
    share_heading: "Compartir",
    share_link: "Enlace a este escenario",
    copy: "Copiar",
    copied: "Copiado",
    embed: "Insertar",
    embed_heading: "Insertar este simulador en una página web",
    embed_read_only: "Solo resultados (sin controles)",
    embed_code: "Código para pegar en su página",
    close: "Cerrar",
    embed_title: "Simulador de políticas de digitalización de pymes",
    open_full: "Abrir el simulador completo",
    summary: |f| {
        let mut text = if f.adds_any {
            format!(
                "Con el plan, unas {} empresas más usan {} en {} que sin él (en 9 de cada 10 futuros simulados, entre {} y {}). Son el {} de las {} empresas de la región, frente al {} sin el plan.",
                f.extra,
                f.technology,
                f.year,
                f.low,
                f.high,
                f.share_with,
                f.firms,
                f.share_without
            )
        } else {
            format!(
                "De media, el plan no añade empresas que usen {} en {}: adoptan el {} de las {} empresas de la región con él y el {} sin él.",
                f.technology, f.year, f.share_with, f.firms, f.share_without
            )
        };
        text.push_str(&format!(
            " Gasta {} de su presupuesto de {}",
            f.spent, f.budget
        ));
        match f.cost {
            Some(c) => text.push_str(&format!(
                ", unos {c} por cada empresa adicional que adopta."
            )),
            None => text.push('.'),
        }
        if let Some(d) = f.deadweight {
            text.push_str(&format!(
                " El {d} de las empresas apoyadas que adoptaron lo habría hecho de todos modos."
            ));
        }
        for (label, chance) in &f.targets {
            text.push_str(&format!(
                " La probabilidad de alcanzar «{label}» es del {chance}."
            ));
        }
        text
    },
    brief_scenario: "Escenario",
    brief_plan: |budget, mix, years| {
        format!("{budget} en {years}; reparto {mix} (bonos / formación / pilotos)")
    },
    brief_link: "Enlace",
    brief_made: |version, date| format!("Elaborado con el modelo de adopción {version} el {date}."),
    data: super::data::DATA,
};
