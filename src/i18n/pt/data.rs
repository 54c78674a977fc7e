//! European Portuguese for the presets' own words: names, descriptions, technologies,
//! segments, target labels, and each preset's summary and sources, keyed by the English the
//! presets carry.

use crate::i18n::key;

/// English scenario text -> Portuguese.
pub static DATA: &[(u32, &str)] = &[
    // cantabria
    (
        key("Cantabria: LIA upgrade"),
        "Cantábria: LIA upgrade",
    ),
    (
        key("Cantabria's SMEs with employees (INE DIRCE, est. by size) using cloud services (INE \
         2025: 31.8% of firms with 10+ staff); budget and mix buy the LIA-upgrade plan's 50 \
         projects, 20 training actions and 15 pilots."),
        "PME com trabalhadores da Cantábria (INE DIRCE, est. por dimensão) que usam serviços \
         na nuvem (INE 2025: 31,8% das empresas com 10 ou mais pessoas ao serviço); o \
         orçamento e a repartição compram os 50 projetos, 20 ações de formação e 15 \
         projetos-piloto do plano LIA upgrade.",
    ),
    (
        key("cloud computing services"),
        "serviços de computação em nuvem",
    ),
    (
        key("Micro (1-9 staff)"),
        "Micro (1-9 pessoas)",
    ),
    (
        key("Small (10-49 staff)"),
        "Pequenas (10-49 pessoas)",
    ),
    (
        key("Medium (50-249 staff)"),
        "Médias (50-249 pessoas)",
    ),
    (
        key("100 more firms on cloud by 2030"),
        "Mais 100 empresas na nuvem em 2030",
    ),
    (
        key("Cantabria's SMEs and the LIA-upgrade plan: 100 firms trained, 50 voucher projects, \
         15 pilots"),
        "As PME da Cantábria e o plano LIA upgrade: 100 empresas formadas, 50 projetos com \
         vale, 15 projetos-piloto",
    ),
    (
        key("INE DIRCE (firms; size split est.); INE ICT survey 2025 (cloud: 31.8% of firms with \
         10+ staff); DEVISE (Interreg Europe): Cantabria's LIA-upgrade action plan; Eurostat \
         isoc_cicce_use (Bass fit, est.); CPB 2006 voucher lottery; EDIH price lists"),
        "INE DIRCE (empresas; repartição por dimensão est.); INE, inquérito às TIC 2025 \
         (nuvem: 31,8% das empresas com 10 ou mais pessoas ao serviço); DEVISE (Interreg \
         Europe): plano de ação LIA upgrade da Cantábria; Eurostat isoc_cicce_use (ajuste de \
         Bass, est.); CPB 2006, sorteio de vales de inovação; tabelas de preços dos EDIH",
    ),
    // cantabria-ai and cantabria-big-data (presets of the formats' v2; listed ahead of them)
    (
        key("Cantabria: artificial intelligence"),
        "Cantábria: inteligência artificial",
    ),
    (
        key("Cantabria's firms with 10+ staff (INE DIRCE, as cantabria) using AI: 7.6% (ICANE ICT survey, year c. 2021 est.; split by size est.); p and q fitted to Eurostat and INE AI series (est.); budget and mix as cantabria. INE Q1 2025: Cantabria 11.1%, Spain 21.1%."),
        "Empresas da Cantábria com 10 ou mais pessoas ao serviço (INE DIRCE, como cantabria) que usam IA: 7,6% (inquérito TIC do ICANE, ano por volta de 2021 est.; repartição por dimensão est.); p e q ajustados às séries de IA do Eurostat e do INE (est.); orçamento e repartição como cantabria. INE, 1.º trimestre de 2025: Cantábria 11,1%, Espanha 21,1%.",
    ),
    (
        key("artificial intelligence"),
        "inteligência artificial",
    ),
    (
        key("15% of firms with 10+ staff using AI by 2025"),
        "15% das empresas com 10 ou mais pessoas ao serviço a usar IA em 2025",
    ),
    (
        key("Cantabria's firms with 10+ staff taking up artificial intelligence from 2021, with the LIA-upgrade budget and mix"),
        "Empresas da Cantábria com 10 ou mais pessoas ao serviço a adotar inteligência artificial desde 2021, com o orçamento e a repartição do plano LIA upgrade",
    ),
    (
        key("ICANE ICT survey c. 2021 (7.6% of firms with 10+ staff use AI; year est.); INE DIRCE (firms, as cantabria); INE 2024 (AI by size, for the split, est.); Bass fit to Eurostat isoc_eb_ai and INE/ONTSI AI series (est.); INE Q1 2025 (Cantabria 11.1%, Spain 21.1%)"),
        "Inquérito TIC do ICANE por volta de 2021 (7,6% das empresas com 10 ou mais pessoas ao serviço usam IA; ano est.); INE DIRCE (empresas, como cantabria); INE 2024 (IA por dimensão, para a repartição, est.); ajuste de Bass à série isoc_eb_ai do Eurostat e às séries de IA do INE/ONTSI (est.); INE, 1.º trimestre de 2025 (Cantábria 11,1%, Espanha 21,1%)",
    ),
    (
        key("Cantabria: big-data analysis"),
        "Cantábria: análise de big data",
    ),
    (
        key("Cantabria's firms with 10+ staff (INE DIRCE, as cantabria) analysing big data: just over 10% (ICANE ICT survey, year c. 2021 est.; 10.2% and split by size est.); p and q fitted to INE big-data series 2018-2022 (est.); budget and mix as cantabria."),
        "Empresas da Cantábria com 10 ou mais pessoas ao serviço (INE DIRCE, como cantabria) que analisam big data: pouco mais de 10% (inquérito TIC do ICANE, ano por volta de 2021 est.; 10,2% e repartição por dimensão est.); p e q ajustados às séries de big data do INE 2018-2022 (est.); orçamento e repartição como cantabria.",
    ),
    (
        key("big data analysis"),
        "análise de big data",
    ),
    (
        key("30 more firms with 10+ staff analysing big data by 2026"),
        "Mais 30 empresas com 10 ou mais pessoas ao serviço a analisar big data em 2026",
    ),
    (
        key("Cantabria's firms with 10+ staff taking up big-data analysis from 2021, with the LIA-upgrade budget and mix"),
        "Empresas da Cantábria com 10 ou mais pessoas ao serviço a adotar a análise de big data desde 2021, com o orçamento e a repartição do plano LIA upgrade",
    ),
    (
        key("ICANE ICT survey c. 2021 (just over 10% of firms with 10+ staff analyse big data; year est.); INE DIRCE (firms, as cantabria); Bass fit to INE/ONTSI big-data series 2018-2022 and Eurostat isoc_eb_bd (est.)"),
        "Inquérito TIC do ICANE por volta de 2021 (pouco mais de 10% das empresas com 10 ou mais pessoas ao serviço analisam big data; ano est.); INE DIRCE (empresas, como cantabria); ajuste de Bass às séries de big data do INE/ONTSI 2018-2022 e à isoc_eb_bd do Eurostat (est.)",
    ),
    // cantabria-fast-track
    (
        key("Cantabria: fast track for SME digitalisation"),
        "Cantábria: via rápida para a digitalização das PME",
    ),
    (
        key("Cantabria's SMEs with employees in the five RIS3 ecosystems (firm counts est. from \
         INE DIRCE and ICANE) using cloud services (INE 2025: 31.8% of firms with 10+ staff; \
         shares per ecosystem est.); the FTFDS action: aid for new technologies, employees' \
         skills and awareness through pilots."),
        "PME com trabalhadores da Cantábria nos cinco ecossistemas da RIS3 (número de \
         empresas est. a partir do INE DIRCE e do ICANE) que usam serviços na nuvem (INE \
         2025: 31,8% das empresas com 10 ou mais pessoas ao serviço; percentagens por \
         ecossistema est.); a ação FTFDS: apoios para novas tecnologias, competências dos \
         trabalhadores e sensibilização através de projetos-piloto.",
    ),
    (
        key("Health and wellbeing"),
        "Saúde e bem-estar",
    ),
    (
        key("Industry 4.0"),
        "Indústria 4.0",
    ),
    (
        key("Culture and tourism"),
        "Cultura e turismo",
    ),
    (
        key("Blue economy and offshore energy"),
        "Economia azul e energia offshore",
    ),
    (
        key("Agri-food"),
        "Agroalimentar",
    ),
    (
        key("50 more ecosystem firms on cloud by 2030"),
        "Mais 50 empresas dos ecossistemas na nuvem em 2030",
    ),
    (
        key("Cantabria's fast track for SME digitalisation: aid, skills and pilots for firms in \
         the region's five priority sectors (smart specialisation)"),
        "Via rápida da Cantábria para digitalizar as PME: apoios, formação e projetos-piloto \
         para empresas dos cinco setores prioritários da região (especialização inteligente)",
    ),
    (
        key("DIGITAL REGIONS (Interreg Europe): Cantabria's FTFDS action plan; RIS3 Cantabria \
         2021-2027 (five axes, El Mirador Digital 2023); ICANE 2025 (482 agri-food \
         industries); firms per ecosystem est. from INE DIRCE; INE ICT survey 2025 (cloud)"),
        "DIGITAL REGIONS (Interreg Europe): plano de ação FTFDS da Cantábria; RIS3 Cantábria \
         2021-2027 (cinco eixos, El Mirador Digital 2023); ICANE 2025 (482 indústrias \
         agroalimentares); empresas por ecossistema est. a partir do INE DIRCE; INE, \
         inquérito às TIC 2025 (nuvem)",
    ),
    // murcia
    (
        key("Murcia: cluster digitalisation"),
        "Múrcia: digitalização através de clusters",
    ),
    (
        key("Murcia's SMEs with employees (INE, est. by size) using cloud services (est. from \
         Spain's 44.2%); the INNO Industry action plan led by the AMUEBLA cluster, drawing on \
         four good practices (Kickstart Digitalization, House of Digitalization, Fundão \
         shared services centre, cluster stakeholder group); budget and mix est., weighted to \
         training."),
        "PME com trabalhadores da Região de Múrcia (INE, est. por dimensão) que usam serviços \
         na nuvem (est. a partir dos 44,2% de Espanha); o plano de ação INNO Industry \
         liderado pelo cluster AMUEBLA, inspirado em quatro boas práticas (Kickstart \
         Digitalization, House of Digitalization, centro de serviços partilhados do Fundão, \
         grupo de trabalho dos parceiros dos clusters); orçamento e repartição est., com mais \
         peso na formação.",
    ),
    (
        key("200 more firms on cloud by 2030"),
        "Mais 200 empresas na nuvem em 2030",
    ),
    (
        key("Murcia's SMEs and the cluster-led INNO Industry plan (AMUEBLA), weighted towards \
         training"),
        "As PME de Múrcia e o plano INNO Industry liderado por clusters (AMUEBLA), com mais \
         peso na formação",
    ),
    (
        key("INNO Industry (Interreg Europe): Murcia expert group and action plan (AMUEBLA); INE \
         DIRCE (firms; size split est.); INE ICT survey 2025 (Spain: cloud 44.2%, est. by \
         size)"),
        "INNO Industry (Interreg Europe): grupo de peritos e plano de ação da Região de \
         Múrcia (AMUEBLA); INE DIRCE (empresas; repartição por dimensão est.); INE, inquérito \
         às TIC 2025 (Espanha: nuvem 44,2%, est. por dimensão)",
    ),
    // voucher-portugal
    (
        key("Cantabria: Portuguese-style vouchers"),
        "Cantábria: vales à portuguesa",
    ),
    (
        key("The cantabria population and budget spent 90% on 7,500-euro vouchers (as Portugal's \
         Vale Indústria 4.0: up to 7,500 EUR at 75% of the cost) and 10% on training that \
         makes firms aware of them."),
        "A população e o orçamento de cantabria, com 90% em vales de 7500 euros (como o Vale \
         Indústria 4.0 português: até 7500 EUR, 75% do custo) e 10% em formação que dá a \
         conhecer os vales às empresas.",
    ),
    (
        key("Cantabria's budget spent mostly on 7,500-euro vouchers, like Portugal's Industry 4.0 \
         voucher"),
        "O orçamento da Cantábria, quase todo em vales de 7500 euros, como o Vale Indústria \
         4.0 português",
    ),
    (
        key("Government of Portugal 2017: Vale Indústria 4.0 (up to 7,500 EUR at 75%; first call \
         over 1,600 applications, 3x the budget); population and other assumptions as \
         cantabria"),
        "Governo de Portugal 2017: Vale Indústria 4.0 (até 7500 EUR a 75%; primeiro aviso com \
         mais de 1600 candidaturas, o triplo do orçamento); população e restantes \
         pressupostos como em cantabria",
    ),
    // training-kickstart
    (
        key("Cantabria: Kickstart-style training"),
        "Cantábria: formação ao estilo Kickstart",
    ),
    (
        key("The cantabria population and budget spent 80% on group workshops in the style of \
         Sweden's Kickstart Digitalization (10 firms, 2 people each, 3 free meetings over 6 \
         weeks; 6,000 EUR per workshop est.) and 20% on vouchers for the firms they make \
         aware; each trained firm gets the default training effect (0-8 points a year, \
         uncertain), which drives the result."),
        "A população e o orçamento de cantabria, com 80% em workshops de grupo ao estilo do \
         Kickstart Digitalization sueco (10 empresas, 2 pessoas por empresa, 3 sessões \
         gratuitas em 6 semanas; 6000 EUR por workshop, est.) e 20% em vales para as empresas \
         que os workshops sensibilizam; cada empresa formada recebe o efeito da formação por \
         omissão (0-8 pontos por ano, incerto), que é o que decide o resultado.",
    ),
    (
        key("Cantabria's budget spent mostly on short group workshops for 10 firms each, like \
         Sweden's Kickstart Digitalization"),
        "O orçamento da Cantábria, quase todo em workshops curtos de grupo para 10 empresas \
         cada, como o Kickstart Digitalization sueco",
    ),
    (
        key("INNO Industry (Interreg Europe): Kickstart Digitalization (about 10 firms, 2 people \
         each, 3 free meetings over 6 weeks); cost per workshop est.; population and other \
         assumptions as cantabria"),
        "INNO Industry (Interreg Europe): Kickstart Digitalization (cerca de 10 empresas, 2 \
         pessoas por empresa, 3 sessões gratuitas em 6 semanas); custo por workshop est.; \
         população e restantes pressupostos como em cantabria",
    ),
    // example-region
    (
        key("Example region"),
        "Região de exemplo",
    ),
    (
        key("A made-up region of 10,000 SMEs in three size classes with round numbers and a \
         balanced mix."),
        "Uma região inventada de 10\u{a0}000 PME em três dimensões, com números redondos e \
         uma repartição equilibrada.",
    ),
    (
        key("a digital technology"),
        "uma tecnologia digital",
    ),
    (
        key("Micro"),
        "Micro",
    ),
    (
        key("Small"),
        "Pequenas",
    ),
    (
        key("Medium"),
        "Médias",
    ),
    (
        key("Half of all firms by 2030"),
        "Metade das empresas em 2030",
    ),
    (
        key("A generic region of 10,000 SMEs with a balanced mix, for teaching and testing"),
        "Uma região genérica de 10\u{a0}000 PME com uma repartição equilibrada, para ensinar \
         e testar",
    ),
    (
        key("Made-up round numbers (not a real region); Bass p and q: meta-analysis means \
         (Sultan, Farley & Lehmann 1990)"),
        "Números redondos inventados (não é uma região real); p e q de Bass: médias de \
         meta-análise (Sultan, Farley e Lehmann 1990)",
    ),
];
