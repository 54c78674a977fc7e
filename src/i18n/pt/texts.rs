//! European Portuguese.

use super::LOCALE;
use crate::i18n::Texts;

/// The Portuguese texts.
pub static TEXTS: Texts = Texts {
    language_name: "Português",
    messages: super::messages::template,
    file_too_large: "ocupa mais de 1 MB, mais do que precisa qualquer ficheiro de cenário ou de população",
    file_not_text: "não é um ficheiro de texto",
    language: "Idioma",
    title: "Simulador de políticas de digitalização das PME",
    tagline: "Defina um orçamento e reparta-o entre vales, formação e projetos-piloto: veja quantas pequenas empresas a mais se digitalizam e com que grau de certeza.",
    preset: "Cenário predefinido",
    your_plan: "O seu plano",
    budget: "Orçamento",
    budget_hint: "Total de dinheiro público para todo o programa, em euros",
    programme_years: "Anos do programa",
    programme_years_hint: "Anos em que o orçamento é gasto, a partir do próximo ano",
    horizon: "Anos a projetar",
    horizon_hint: "Até onde olham os resultados",
    mix_heading: "Como se reparte o orçamento",
    mix_hint: "Ao mover uma parte, as outras reajustam-se; fixe uma parte para a manter.",
    instruments: ["Vales", "Formação", "Projetos-piloto"],
    instrument_help: [
        "Vales de digitalização: apoios para adotar a tecnologia",
        "Ações de formação curtas que dão a conhecer a inovação a empresas menos atentas a ela",
        "Projetos de demonstração: uma empresa anfitriã adota e as outras veem-na funcionar",
    ],
    hold: "Fixar",
    hold_share: |name| format!("Fixar a parte de {name}"),
    buys: |v, t, p| {
        format!(
            "= {} · {} · {}",
            LOCALE.count_noun(v, "vale", "vales"),
            LOCALE.count_noun(t, "ação de formação", "ações de formação"),
            LOCALE.count_noun(p, "projeto-piloto", "projetos-piloto")
        )
    },
    unspent: |amount| format!("Sobram {amount} (menos do que uma unidade a mais)"),
    assumptions: "Pressupostos",
    assumptions_intro: "Os principais pressupostos do modelo. Os incertos variam de simulação para simulação dentro do seu intervalo; aqui define o valor mais provável.",
    estimate: "est.",
    range: |low, high| format!("intervalo plausível de {low} a {high}"),
    source: "Fonte",
    assumption_labels: [
        "Valor do vale (EUR)",
        "Custo de gestão por vale (EUR)",
        "Proporção de vales utilizados",
        "Probabilidade de um vale utilizado levar à adoção",
        "Custo de uma ação de formação (EUR)",
        "Empresas novas por ação de formação",
        "Probabilidade anual adicional de adotar após a formação",
        "Anos que dura o efeito da formação",
        "Custo público de um projeto-piloto (EUR)",
        "Probabilidade de a empresa anfitriã adotar",
        "Empresas que adotam por cada projeto-piloto bem-sucedido, pelo exemplo",
    ],
    assumption_sources: [
        "Vale Indústria 4.0 (Portugal) até 7500; Países Baixos 7500; Irlanda 5000; Kit Digital cerca de 4000",
        "estimativa própria",
        "Sorteio de vales nos Países Baixos: 1 em cada 10 por utilizar (CPB 2006); Kit Digital: mais de 25% do orçamento devolvido",
        "Sorteio de vales nos Países Baixos: 8 em cada 9 vales utilizados foram adicionais (Cornet, Vroomen e van der Steeg, CPB 2006)",
        "Formação básica dos EDIH: até 5000 por PME",
        "Plano LIA upgrade: 20 ações para 100 empresas; Kickstart Digitalization: cerca de 10 empresas",
        "Ensaio Evolve Digital (Reino Unido); Hardy e McCasland 2021: a formação aumenta mais a sensibilização do que a adoção",
        "estimativa própria",
        "Serviços «testar antes de investir» dos EDIH: de 15\u{a0}000 a 30\u{a0}000 por PME",
        "estimativa própria",
        "efeitos de rede: Vu, Rohman e Bohlin 2024; Shi et al. 2020",
    ],
    results_heading: |year| format!("O que o plano consegue até {year}"),
    additional_adopters: "Empresas que adotam graças ao plano",
    additional_explainer: |tech| {
        format!(
            "Empresas adicionais que usam {tech}, em comparação com não haver plano (média dos futuros simulados)"
        )
    },
    interval: |low, high| format!("Em 9 de cada 10 futuros simulados: de {low} a {high}"),
    cost_per_adopter: "Custo por empresa adicional que adota",
    cost_undefined: "Não definido: o plano não acrescenta empresas que adotam",
    share_digitalised: "Proporção de empresas que adotam",
    with_without: |with, without| format!("{with} com o plano, {without} sem ele"),
    firms_reached: "Empresas abrangidas",
    reached_detail: |awarded, used, trained, actions, pilots| {
        format!(
            "{awarded} vales atribuídos ({used} utilizados) · {trained} empresas formadas em {actions} ações · {pilots} projetos-piloto"
        )
    },
    deadweight: "Efeito de peso morto",
    deadweight_detail: "das empresas apoiadas que adotaram teriam adotado nesse ano de qualquer forma",
    spend: |spent, budget| {
        format!("{spent} gastos de {budget} (os vales não utilizados não são pagos)")
    },
    targets: "Metas",
    target_chance: |label, chance| format!("{label}: probabilidade de {chance}"),
    target_baseline: |chance| format!("sem o plano: {chance}"),
    chart_title: |tech| format!("Empresas que usam {tech}"),
    chart_title_additional: "Empresas adicionais que adotam graças ao plano",
    view_adopters: "Todas as que adotam",
    view_additional: "Só as adicionais",
    view: "O gráfico mostra",
    legend_policy: "Com o plano (mediana)",
    legend_band50: "Metade dos futuros simulados",
    legend_band90: "9 em cada 10 futuros simulados",
    legend_baseline: "Sem o plano (mediana)",
    legend_additional: "Empresas adicionais (mediana)",
    legend_programme: "Anos do programa",
    axis_firms: "empresas",
    point_label: |year, with, without, extra| {
        format!("{year}: {with} com o plano, {without} sem ele, {extra} adicionais")
    },
    show_table: "Ver os números numa tabela",
    table_caption: |tech| format!("Empresas que usam {tech}, por ano"),
    table_year: "Ano",
    table_without: "Sem o plano (mediana)",
    table_with: "Com o plano (mediana)",
    table_additional: "Adicionais (média)",
    table_interval: "Adicionais: 9 em cada 10 futuros",
    computing: "A calcular…",
    compare_failed: "Não foi possível calcular",
    computing_partial: |done, total| format!("A calcular… {done} de {total} futuros simulados"),
    based_on: |runs| format!("Com base em {runs} futuros simulados"),
    failed: |why| format!("Este cenário não pode ser simulado: {why}"),
    failure_no_worker: "o simulador não conseguiu arrancar neste navegador",
    failure_unreachable: "não foi possível contactar o simulador",
    entry_not_saved: "não é um cenário guardado",
    not_a_number: "Introduza um número.",
    clamped: |value| format!("Fora do intervalo: foi fixado em {value}."),
    exact_value: |label| format!("{label}, valor exato"),
    whole_number: "Introduza um número inteiro.",
    privacy: "Funciona inteiramente no seu navegador: nada do que introduz sai desta página.",
    how_it_works: "Como funciona o modelo",
    estimates_note: "est. = estimativa",
    dismiss: "Fechar",
    details: "Detalhes",
    notice_link: "Algumas partes desta ligação não puderam ser usadas; essas definições mostram os valores habituais:",
    notice_store_unreadable: |backup| {
        format!(
            "Não foi possível ler os seus cenários guardados. Foram conservados, sem alterações, neste navegador com a chave \"{backup}\"; os novos são guardados à parte."
        )
    },
    notice_store_newer: "Os seus cenários foram guardados por uma versão mais recente do simulador: são mostrados tal como estão e nada será escrito por cima.",
    notice_store_some: |n| {
        if (LOCALE.one)(n as u64) {
            "Um cenário guardado não pode ser lido por esta versão; é conservado sem alterações."
                .to_string()
        } else {
            format!(
                "{n} cenários guardados não podem ser lidos por esta versão; são conservados sem alterações."
            )
        }
    },
    notice_store_write: "Este navegador não permitiu guardar (o armazenamento pode estar cheio ou bloqueado). O que vê no ecrã não se perde, mas não foi guardado.",
    notice_store_unavailable: "Este navegador não permite guardar cenários (o armazenamento está bloqueado).",
    notice_scenario_file: "Este ficheiro não é um cenário que o simulador consiga ler. Nada foi alterado.",
    notice_population_file: "Não foi possível usar este ficheiro de população. Nada foi alterado.",
    notice_imported: |name| format!("Foi carregado \"{name}\"."),
    saved_heading: "Cenários guardados",
    save_name: "Nome para este cenário",
    save: "Guardar",
    default_name: |n| format!("Cenário {n}"),
    no_saved: "Ainda não há cenários guardados. Guarde este para o comparar mais tarde com outros.",
    restore: |name| format!("Abrir \"{name}\""),
    rename: |name| format!("Mudar o nome de \"{name}\""),
    delete: |name| format!("Apagar \"{name}\""),
    compare_this: |name| format!("Comparar \"{name}\""),
    saved_unreadable: "não pode ser lido por esta versão",
    compare_heading: "Comparar cenários",
    compare_hint: "Assinale cenários guardados para os comparar com o atual.",
    current: "Atual",
    compare_columns: [
        "Cenário",
        "Orçamento",
        "Repartição (vales / formação / projetos-piloto)",
        "Empresas adicionais que adotam (9 em cada 10 futuros)",
        "Custo por empresa adicional",
        "Probabilidade das metas",
    ],
    compare_chart: "Empresas adicionais que adotam, por ano (mediana dos futuros simulados)",
    add_target: "Acrescentar uma meta",
    eu_goal: "Acrescentar a meta da UE: 90% das empresas em 2030",
    target_kinds: [
        "Empresas adicionais que adotam",
        "Empresas que adotam",
        "Proporção de empresas que adotam",
    ],
    target_fields: ["Meta", "Ano", "Pelo menos"],
    remove_target: |n| format!("Retirar a meta {n}"),
    export_heading: "Exportar",
    export_buttons: [
        "Números anuais (CSV)",
        "Gráfico (PNG)",
        "Gráfico (SVG)",
        "Cenário (JSON)",
        "Resumo para imprimir",
    ],
    import_heading: "Importar",
    import_scenario: "Abrir um ficheiro de cenário (JSON)",
    import_population: "Usar as empresas da sua região (CSV)",
    csv_template: "Descarregar o modelo CSV",
    drop_hint: "Também pode largar um ficheiro de cenário (.json) ou de população (.csv) em qualquer parte desta página.",
    share_heading: "Partilhar",
    share_link: "Ligação para este cenário",
    copy: "Copiar",
    copied: "Copiado",
    embed: "Incorporar",
    embed_heading: "Incorporar este simulador numa página web",
    embed_read_only: "Só os resultados (sem controlos)",
    embed_code: "Código para colar na sua página",
    close: "Fechar",
    embed_title: "Simulador de políticas de digitalização das PME",
    open_full: "Abrir o simulador completo",
    summary: |f| {
        let mut text = if f.adds_any {
            format!(
                "Com o plano, cerca de {} empresas a mais usam {} em {} do que sem ele (em 9 de cada 10 futuros simulados, entre {} e {}). São {} das {} empresas da região, contra {} sem o plano.",
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
                "Em média, o plano não acrescenta empresas que usem {} em {}: adotam {} das {} empresas da região com ele e {} sem ele.",
                f.technology, f.year, f.share_with, f.firms, f.share_without
            )
        };
        text.push_str(&format!(
            " Gasta {} do seu orçamento de {}",
            f.spent, f.budget
        ));
        match f.cost {
            Some(c) => text.push_str(&format!(
                ", cerca de {c} por cada empresa adicional que adota."
            )),
            None => text.push('.'),
        }
        if let Some(d) = f.deadweight {
            text.push_str(&format!(
                " {d} das empresas apoiadas que adotaram teriam adotado de qualquer forma."
            ));
        }
        for (label, chance) in &f.targets {
            text.push_str(&format!(
                " A probabilidade de alcançar «{label}» é de {chance}."
            ));
        }
        text
    },
    brief_scenario: "Cenário",
    brief_plan: |budget, mix, years| {
        format!("{budget} em {years}; repartição {mix} (vales / formação / projetos-piloto)")
    },
    brief_link: "Ligação",
    brief_made: |version, date| format!("Elaborado com o modelo de adoção {version} em {date}."),
    data: super::data::DATA,
};
