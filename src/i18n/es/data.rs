//! Spanish for the presets' own words: names, descriptions, technologies, segments, target
//! labels, and each preset's summary and sources, keyed by the English the presets carry.

use crate::i18n::key;

/// English scenario text -> Spanish.
pub static DATA: &[(u32, &str)] = &[
    // cantabria
    (key("Cantabria: LIA upgrade"), "Cantabria: LIA upgrade"),
    (
        key("Cantabria's SMEs with employees (INE DIRCE, est. by size) using cloud services (INE 2025: \
         31.8% of firms with 10+ staff); budget and mix buy the LIA-upgrade plan's 50 projects, 20 \
         training actions and 15 pilots."),
        "Pymes con asalariados de Cantabria (INE DIRCE, est. por tamaño) que usan servicios en la \
         nube (INE 2025: 31,8 % de las empresas de 10 o más empleados); el presupuesto y el reparto \
         compran los 50 proyectos, 20 acciones formativas y 15 pilotos del plan LIA upgrade.",
    ),
    (
        key("cloud computing services"),
        "servicios de computación en la nube",
    ),
    (key("Micro (1-9 staff)"), "Micro (1-9 empleados)"),
    (key("Small (10-49 staff)"), "Pequeñas (10-49 empleados)"),
    (key("Medium (50-249 staff)"), "Medianas (50-249 empleados)"),
    (
        key("100 more firms on cloud by 2030"),
        "100 empresas más en la nube en 2030",
    ),
    (
        key("Cantabria's SMEs and the LIA-upgrade plan: 100 firms trained, 50 voucher projects, 15 \
         pilots"),
        "Pymes de Cantabria y el plan LIA upgrade: 100 empresas formadas, 50 proyectos con bono, \
         15 pilotos",
    ),
    (
        key("INE DIRCE (firms; size split est.); INE ICT survey 2025 (cloud: 31.8% of firms with 10+ \
         staff); DEVISE (Interreg Europe): Cantabria's LIA-upgrade action plan; Eurostat \
         isoc_cicce_use (Bass fit, est.); CPB 2006 voucher lottery; EDIH price lists"),
        "INE DIRCE (empresas; reparto por tamaño est.); INE, encuesta TIC 2025 (nube: 31,8 % de \
         las empresas de 10 o más empleados); DEVISE (Interreg Europe): plan de acción LIA upgrade \
         de Cantabria; Eurostat isoc_cicce_use (ajuste de Bass, est.); CPB 2006, lotería de bonos \
         de innovación; tarifas de los EDIH",
    ),
    // cantabria-ai and cantabria-big-data (presets of the formats' v2; listed ahead of them)
    (
        key("Cantabria: artificial intelligence"),
        "Cantabria: inteligencia artificial",
    ),
    (
        key("Cantabria's firms with 10+ staff (INE DIRCE, as cantabria) using AI: 7.6% (ICANE ICT survey, year c. 2021 est.; split by size est.); p and q fitted to Eurostat and INE AI series (est.); budget and mix as cantabria. INE Q1 2025: Cantabria 11.1%, Spain 21.1%."),
        "Empresas de Cantabria de 10 o más empleados (INE DIRCE, como cantabria) que usan IA: 7,6 % (encuesta TIC del ICANE, año hacia 2021 est.; reparto por tamaño est.); p y q ajustados a las series de IA de Eurostat y del INE (est.); presupuesto y reparto como cantabria. INE, primer trimestre de 2025: Cantabria 11,1 %, España 21,1 %.",
    ),
    (
        key("artificial intelligence"),
        "inteligencia artificial",
    ),
    (
        key("15% of firms with 10+ staff using AI by 2025"),
        "15 % de las empresas de 10 o más empleados usando IA en 2025",
    ),
    (
        key("Cantabria's firms with 10+ staff taking up artificial intelligence from 2021, with the LIA-upgrade budget and mix"),
        "Empresas de Cantabria de 10 o más empleados que adoptan la inteligencia artificial desde 2021, con el presupuesto y el reparto del plan LIA upgrade",
    ),
    (
        key("ICANE ICT survey c. 2021 (7.6% of firms with 10+ staff use AI; year est.); INE DIRCE (firms, as cantabria); INE 2024 (AI by size, for the split, est.); Bass fit to Eurostat isoc_eb_ai and INE/ONTSI AI series (est.); INE Q1 2025 (Cantabria 11.1%, Spain 21.1%)"),
        "Encuesta TIC del ICANE hacia 2021 (el 7,6 % de las empresas de 10 o más empleados usa IA; año est.); INE DIRCE (empresas, como cantabria); INE 2024 (IA por tamaño, para el reparto, est.); ajuste de Bass a la serie isoc_eb_ai de Eurostat y a las series de IA del INE/ONTSI (est.); INE, primer trimestre de 2025 (Cantabria 11,1 %, España 21,1 %)",
    ),
    (
        key("Cantabria: big-data analysis"),
        "Cantabria: análisis de big data",
    ),
    (
        key("Cantabria's firms with 10+ staff (INE DIRCE, as cantabria) analysing big data: just over 10% (ICANE ICT survey, year c. 2021 est.; 10.2% and split by size est.); p and q fitted to INE big-data series 2018-2022 (est.); budget and mix as cantabria."),
        "Empresas de Cantabria de 10 o más empleados (INE DIRCE, como cantabria) que analizan big data: algo más del 10 % (encuesta TIC del ICANE, año hacia 2021 est.; 10,2 % y reparto por tamaño est.); p y q ajustados a las series de big data del INE 2018-2022 (est.); presupuesto y reparto como cantabria.",
    ),
    (
        key("big data analysis"),
        "análisis de big data",
    ),
    (
        key("30 more firms with 10+ staff analysing big data by 2026"),
        "30 empresas más de 10 o más empleados analizando big data en 2026",
    ),
    (
        key("Cantabria's firms with 10+ staff taking up big-data analysis from 2021, with the LIA-upgrade budget and mix"),
        "Empresas de Cantabria de 10 o más empleados que adoptan el análisis de big data desde 2021, con el presupuesto y el reparto del plan LIA upgrade",
    ),
    (
        key("ICANE ICT survey c. 2021 (just over 10% of firms with 10+ staff analyse big data; year est.); INE DIRCE (firms, as cantabria); Bass fit to INE/ONTSI big-data series 2018-2022 and Eurostat isoc_eb_bd (est.)"),
        "Encuesta TIC del ICANE hacia 2021 (algo más del 10 % de las empresas de 10 o más empleados analiza big data; año est.); INE DIRCE (empresas, como cantabria); ajuste de Bass a las series de big data del INE/ONTSI 2018-2022 y a isoc_eb_bd de Eurostat (est.)",
    ),
    // cantabria-fast-track
    (
        key("Cantabria: fast track for SME digitalisation"),
        "Cantabria: vía rápida para la digitalización de las pymes",
    ),
    (
        key("Cantabria's SMEs with employees in the five RIS3 ecosystems (firm counts est. from INE \
         DIRCE and ICANE) using cloud services (INE 2025: 31.8% of firms with 10+ staff; shares per \
         ecosystem est.); the FTFDS action: aid for new technologies, employees' skills and \
         awareness through pilots."),
        "Pymes con asalariados de Cantabria en los cinco ecosistemas de la RIS3 (número de empresas \
         est. a partir de INE DIRCE e ICANE) que usan servicios en la nube (INE 2025: 31,8 % de las \
         empresas de 10 o más empleados; porcentajes por ecosistema est.); la acción FTFDS: ayudas \
         para nuevas tecnologías, competencias de los empleados y conocimiento mediante pilotos.",
    ),
    (key("Health and wellbeing"), "Salud y bienestar"),
    (key("Industry 4.0"), "Industria 4.0"),
    (key("Culture and tourism"), "Cultura y turismo"),
    (
        key("Blue economy and offshore energy"),
        "Economía azul y energía offshore",
    ),
    (key("Agri-food"), "Sector agroalimentario"),
    (
        key("50 more ecosystem firms on cloud by 2030"),
        "50 empresas más de los ecosistemas en la nube en 2030",
    ),
    (
        key("Cantabria's fast track for SME digitalisation: aid, skills and pilots for firms in the \
         region's five priority sectors (smart specialisation)"),
        "Vía rápida de Cantabria para digitalizar pymes: ayudas, formación y pilotos para empresas \
         de los cinco sectores prioritarios de la región (especialización inteligente)",
    ),
    (
        key("DIGITAL REGIONS (Interreg Europe): Cantabria's FTFDS action plan; RIS3 Cantabria \
         2021-2027 (five axes, El Mirador Digital 2023); ICANE 2025 (482 agri-food industries); \
         firms per ecosystem est. from INE DIRCE; INE ICT survey 2025 (cloud)"),
        "DIGITAL REGIONS (Interreg Europe): plan de acción FTFDS de Cantabria; RIS3 Cantabria \
         2021-2027 (cinco ejes, El Mirador Digital 2023); ICANE 2025 (482 industrias \
         agroalimentarias); empresas por ecosistema est. a partir de INE DIRCE; INE, encuesta TIC \
         2025 (nube)",
    ),
    // murcia
    (
        key("Murcia: cluster digitalisation"),
        "Murcia: digitalización a través de clústeres",
    ),
    (
        key("Murcia's SMEs with employees (INE, est. by size) using cloud services (est. from Spain's \
         44.2%); the INNO Industry action plan led by the AMUEBLA cluster, drawing on four good \
         practices (Kickstart Digitalization, House of Digitalization, Fundão shared services \
         centre, cluster stakeholder group); budget and mix est., weighted to training."),
        "Pymes con asalariados de la Región de Murcia (INE, est. por tamaño) que usan servicios en \
         la nube (est. a partir del 44,2 % de España); el plan de acción INNO Industry liderado por \
         el clúster AMUEBLA, inspirado en cuatro buenas prácticas (Kickstart Digitalization, House \
         of Digitalization, centro de servicios compartidos de Fundão, grupo de trabajo de agentes \
         de los clústeres); presupuesto y reparto est., con más peso en la formación.",
    ),
    (
        key("200 more firms on cloud by 2030"),
        "200 empresas más en la nube en 2030",
    ),
    (
        key("Murcia's SMEs and the cluster-led INNO Industry plan (AMUEBLA), weighted towards training"),
        "Pymes de Murcia y el plan INNO Industry liderado por clústeres (AMUEBLA), con más peso en \
         la formación",
    ),
    (
        key("INNO Industry (Interreg Europe): Murcia expert group and action plan (AMUEBLA); INE DIRCE \
         (firms; size split est.); INE ICT survey 2025 (Spain: cloud 44.2%, est. by size)"),
        "INNO Industry (Interreg Europe): grupo de expertos y plan de acción de la Región de Murcia \
         (AMUEBLA); INE DIRCE (empresas; reparto por tamaño est.); INE, encuesta TIC 2025 (España: \
         nube 44,2 %, est. por tamaño)",
    ),
    // voucher-portugal
    (
        key("Cantabria: Portuguese-style vouchers"),
        "Cantabria: bonos al estilo portugués",
    ),
    (
        key("The cantabria population and budget spent 90% on 7,500-euro vouchers (as Portugal's Vale \
         Indústria 4.0: up to 7,500 EUR at 75% of the cost) and 10% on training that makes firms \
         aware of them."),
        "La población y el presupuesto de cantabria, con el 90 % en bonos de 7.500 euros (como el \
         Vale Indústria 4.0 de Portugal: hasta 7.500 EUR, el 75 % del coste) y el 10 % en \
         formación que da a conocer los bonos a las empresas.",
    ),
    (
        key("Cantabria's budget spent mostly on 7,500-euro vouchers, like Portugal's Industry 4.0 \
         voucher"),
        "El presupuesto de Cantabria, casi todo en bonos de 7.500 euros, como el bono Industria \
         4.0 de Portugal",
    ),
    (
        key("Government of Portugal 2017: Vale Indústria 4.0 (up to 7,500 EUR at 75%; first call over \
         1,600 applications, 3x the budget); population and other assumptions as cantabria"),
        "Gobierno de Portugal 2017: Vale Indústria 4.0 (hasta 7.500 EUR al 75 %; primera \
         convocatoria con más de 1.600 solicitudes, el triple de lo presupuestado); población y \
         demás supuestos como en cantabria",
    ),
    // training-kickstart
    (
        key("Cantabria: Kickstart-style training"),
        "Cantabria: formación al estilo Kickstart",
    ),
    (
        key("The cantabria population and budget spent 80% on group workshops in the style of Sweden's \
         Kickstart Digitalization (10 firms, 2 people each, 3 free meetings over 6 weeks; 6,000 \
         EUR per workshop est.) and 20% on vouchers for the firms they make aware; each trained \
         firm gets the default training effect (0-8 points a year, uncertain), which drives the \
         result."),
        "La población y el presupuesto de cantabria, con el 80 % en talleres de grupo al estilo de \
         Kickstart Digitalization de Suecia (10 empresas, 2 personas por empresa, 3 reuniones \
         gratuitas en 6 semanas; 6.000 EUR por taller, est.) y el 20 % en bonos para las empresas \
         que se interesan; cada empresa formada recibe el efecto de la formación por defecto (0-8 \
         puntos al año, incierto), que es lo que decide el resultado.",
    ),
    (
        key("Cantabria's budget spent mostly on short group workshops for 10 firms each, like Sweden's \
         Kickstart Digitalization"),
        "El presupuesto de Cantabria, casi todo en talleres cortos de grupo para 10 empresas cada \
         uno, como Kickstart Digitalization de Suecia",
    ),
    (
        key("INNO Industry (Interreg Europe): Kickstart Digitalization (about 10 firms, 2 people each, \
         3 free meetings over 6 weeks); cost per workshop est.; population and other assumptions \
         as cantabria"),
        "INNO Industry (Interreg Europe): Kickstart Digitalization (unas 10 empresas, 2 personas \
         por empresa, 3 reuniones gratuitas en 6 semanas); coste por taller est.; población y \
         demás supuestos como en cantabria",
    ),
    // example-region
    (key("Example region"), "Región de ejemplo"),
    (
        key("A made-up region of 10,000 SMEs in three size classes with round numbers and a balanced \
         mix."),
        "Una región inventada de 10.000 pymes en tres tamaños, con números redondos y un reparto \
         equilibrado.",
    ),
    (key("a digital technology"), "una tecnología digital"),
    (key("Micro"), "Micro"),
    (key("Small"), "Pequeñas"),
    (key("Medium"), "Medianas"),
    (
        key("Half of all firms by 2030"),
        "La mitad de las empresas en 2030",
    ),
    (
        key("A generic region of 10,000 SMEs with a balanced mix, for teaching and testing"),
        "Una región genérica de 10.000 pymes con un reparto equilibrado, para enseñar y probar",
    ),
    (
        key("Made-up round numbers (not a real region); Bass p and q: meta-analysis means (Sultan, \
         Farley & Lehmann 1990)"),
        "Números redondos inventados (no es una región real); p y q de Bass: medias de \
         metaanálisis (Sultan, Farley y Lehmann 1990)",
    ),
];

