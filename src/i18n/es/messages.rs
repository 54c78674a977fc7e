//! The model's messages in Spanish: one template per [`Key`], with the same placeholders as
//! its English template (`{0}`, or `{0|empresa|empresas}` for a count and its noun). Field,
//! column and link-part names stay as the files write them.

use crate::i18n::Key;

/// The Spanish template for a key.
pub fn template(key: Key) -> &'static str {
    match key {
        Key::Field => "campo `{0}`: {1}",
        Key::FieldAt => "campo `{0}`: {1} (línea {2}, columna {3})",
        Key::ScenarioAt => "el escenario no es válido: {0} (línea {1}, columna {2})",
        Key::LinkPart => "parte `{0}` del enlace: {1}",
        Key::LineColumn => "línea {0}, columna \"{1}\": {2}",
        Key::Line => "línea {0}: {1}",
        Key::Column => "columna \"{0}\": {1}",
        Key::MoreProblems => "y {0|problema más|problemas más}",

        Key::JsonSyntax => "el texto no es JSON válido",
        Key::JsonEof => "el texto se acaba antes de tiempo (¿está cortado?)",
        Key::JsonUnknownField => "no existe el campo `{0}`",
        Key::JsonMissingField => "falta el campo `{0}`",
        Key::JsonUnknownVariant => "\"{0}\" no es uno de los valores posibles",
        Key::JsonWrongType => "el valor no es del tipo esperado (número, texto, lista u objeto)",
        Key::JsonData => "el valor no es válido",
        Key::NotAnObject => "un escenario debe ser un objeto JSON como {\"version\": {0}}",
        Key::VersionRequired => "es obligatorio; escriba \"version\": {0}",
        Key::VersionNotWhole => "debe ser el número entero 1 o {0} (se encontró {1})",
        Key::VersionUnknown => {
            "este programa lee las versiones 1 y {0} del formato de escenarios (se encontró {1})"
        }

        Key::Between => "debe estar entre {0} y {1}",
        Key::BetweenGot => "debe estar entre {0} y {1} (se encontró {2})",
        Key::LowBetween => "low (mínimo) debe estar entre {0} y {1} (se encontró {2})",
        Key::ModeBetween => "mode (más probable) debe estar entre {0} y {1} (se encontró {2})",
        Key::HighBetween => "high (máximo) debe estar entre {0} y {1} (se encontró {2})",
        Key::RangeOrder => "necesita low <= mode <= high (se encontró low {0}, mode {1}, high {2})",
        Key::HorizonPast => "start_year + years no debe pasar de {0}",
        Key::ProgrammeYears => "debe estar entre 1 y {0} (y no ser mayor que years)",
        Key::MixSum => "vouchers + training + pilots debe sumar 1 (suma {0})",
        Key::SegmentCount => "debe tener entre 1 y {0} segmentos",
        Key::NotEmpty => "no puede estar vacío",
        Key::NameUsed => "\"{0}\" ya es el nombre de otro segmento",
        Key::AdoptersAboveFirms => {
            "debe estar entre 0 y las empresas del segmento, {0} (se encontró {1})"
        }
        Key::TotalFirms => {
            "las empresas de todos los segmentos no deben pasar de {0} (se encontraron {1})"
        }
        Key::TooManyCells => {
            "runs x (years + 1) x segmentos da {0}, más de los {1} que caben en memoria: reduzca \
             runs, years o el número de segmentos"
        }
        Key::VoucherMinimum => "value_eur + admin_eur debe ser al menos 1 euro",
        Key::TargetCount => "puede tener como mucho {0} objetivos",
        Key::TargetYear => "debe estar entre el año de inicio, {0}, y el horizonte, {1}",
        Key::TextTooLong => "puede tener como mucho {0} caracteres (tiene {1})",
        Key::ControlCharacters => "no puede contener caracteres de control",

        Key::LinkVersion => {
            "este enlace se hizo con otra versión del simulador (formato de enlace \"{0}\"); \
             solo puede leer los formatos 1 y {1}, así que se muestra el escenario de referencia"
        }
        Key::LinkPreset => "no hay ningún escenario predefinido \"{0}\"; se usa el de referencia",
        Key::LinkMixShape => {
            "deben ser tres porcentajes enteros como 40-20-40 (se encontró \"{0}\")"
        }
        Key::LinkMixSum => "los tres porcentajes deben sumar 100 (se encontró \"{0}\")",
        Key::LinkDamaged => {
            "está dañada (quizá se cortó al copiar el enlace); se usaron las demás partes"
        }
        Key::LinkFieldKept => "no se pudo usar ({0}); se mantuvo el valor de partida",
        Key::LinkUnknownPart => "no forma parte de un enlace de escenario y se ha ignorado",
        Key::NotANumber => "no es un número (se encontró \"{0}\")",
        Key::NotWhole => "no es un número entero (se encontró \"{0}\")",
        Key::TooLarge => "es demasiado grande (se encontró \"{0}\")",

        Key::CsvTooLarge => {
            "el archivo ocupa {0} bytes; como mucho se leen {1} bytes (1 MiB), mucho más de lo \
             que necesitan {2} segmentos"
        }
        Key::CsvNotText => {
            "no es un archivo de texto: guarde la tabla como CSV (en Excel: \"CSV UTF-8\")"
        }
        Key::CsvEmpty => {
            "el archivo está vacío: la primera línea debe ser una cabecera como \
             segment,firms,adopters, y después una fila por segmento"
        }
        Key::CsvNoRows => {
            "el archivo tiene cabecera pero ningún segmento: añada debajo una fila por segmento"
        }
        Key::CsvNoHeader => {
            "la primera línea debe ser la cabecera, con las columnas segment, firms, adopters \
             (y, si se desea, p, q, aware_share, exit_rate, entry_rate); dice: {0}"
        }
        Key::ColumnTwice => "esta columna aparece dos veces en la cabecera",
        Key::ColumnUnknown => {
            "columna desconocida: las columnas son segment, firms, adopters, p, q, aware_share, \
             exit_rate y entry_rate"
        }
        Key::ColumnUnknownHint => {
            "columna desconocida (¿quería decir {0}?): las columnas son segment, firms, \
             adopters, p, q, aware_share, exit_rate y entry_rate"
        }
        Key::HeaderTooWide => {
            "la cabecera tiene {0} columnas, muchas más que las ocho de un archivo de población"
        }
        Key::ColumnMissing => {
            "falta esta columna obligatoria en la cabecera (segment, firms y adopters son \
             obligatorias)"
        }
        Key::TooManySegments => {
            "el archivo tiene {0} segmentos; una población tiene como mucho {1} (este es el \
             segmento {2})"
        }
        Key::FirmsSoFar => {
            "los segmentos hasta esta línea suman {0} empresas; una población tiene como mucho {1}"
        }
        Key::RowWidth => {
            "esta línea tiene {0|celda|celdas} pero la cabecera tiene {1|columna|columnas}"
        }
        Key::RowWidthQuote => {
            "esta línea tiene {0|celda|celdas} pero la cabecera tiene {1|columna|columnas}; \
             aquí una celda sigue en la línea siguiente: ¿falta una comilla de cierre (\")?"
        }
        Key::RowWidthComma => {
            "esta línea tiene {0|celda|celdas} pero la cabecera tiene {1|columna|columnas}; \
             en un archivo separado por comas, un número escrito con coma (15,300 o 0,38) se \
             parte en dos celdas: escriba 15300 y 0.38, o ponga la celda entre comillas"
        }
        Key::UnnamedCell => {
            "la celda {0} tiene un valor pero su columna no tiene nombre en la cabecera"
        }
        Key::SegmentNameTaken => "\"{0}\" ya es el nombre del segmento de la línea {1}",
        Key::AdoptersMoreThanFirms => "{0} es más que las {1|empresa|empresas} del segmento",
        Key::FirmsEmpty => "está vacía: escriba el número de empresas del segmento",
        Key::AdoptersEmpty => {
            "está vacía: escriba el número de empresas que ya la han adoptado (0 si ninguna)"
        }
        Key::ThousandsSeparator => "\"{0}\" lleva separador de miles: escriba {1}, solo cifras",
        Key::CellNotWhole => "\"{0}\" no es un número entero",
        Key::CellNotParam => {
            "\"{0}\" no es un número ni un intervalo: escriba un número como 0.38, o un \
             intervalo mínimo..máximo o mínimo..más probable..máximo como 0.30..0.38..0.53"
        }
        Key::CellPercent => "\"{0}\" es un porcentaje: escríbalo como proporción, {1}",
        Key::CellDecimalComma => {
            "\"{0}\" no es un número: en un archivo separado por comas, escriba los decimales \
             con punto ({1})"
        }
        Key::NameMissing => "el segmento no tiene nombre",
        Key::NameTooLong => "el nombre tiene {0} caracteres; como mucho puede tener {1}",
        Key::NameLineBreak => {
            "el nombre sigue en la línea siguiente: ¿falta una comilla de cierre (\")?"
        }
        Key::NameControl => "el nombre contiene un carácter de control (como un tabulador)",
        Key::NameUnreadable => {
            "el nombre tiene caracteres que no se pudieron leer (\u{fffd}): guarde el archivo \
             como \"CSV UTF-8\""
        }
        Key::HandinCode => {
            "un código de consulta tiene de 1 a {0} letras a-z, cifras o guiones (se recibió \
             \"{1}\")"
        }
        Key::ConsultLock => {
            "\"{0}\" no se puede fijar: una consulta fija budget, vouchers, training o pilots"
        }
        Key::ConsultQuestionLong => "la pregunta pasa de {0} caracteres y se ha cortado",
        Key::ConsultGroupsMany => {
            "una consulta ofrece como mucho {0} grupos; los demás se han dejado fuera"
        }
        // The series reader's messages: in WebAssembly only the panel's module words them
        // (from `panel`), so the page's first load carries none of them.
        #[cfg(not(target_arch = "wasm32"))]
        _ => panel(key).unwrap_or_default(),
        #[cfg(target_arch = "wasm32")]
        _ => "",
    }
}

/// The template of a key worded only by the panel's module (the series reader's), `None`
/// for the others.
pub fn panel(key: Key) -> Option<&'static str> {
    Some(match key {
        Key::SeriesEmpty => {
            "la serie está vacía: escriba una línea por año, como 2021,0.26 (el año, la \
             proporción de empresas que han adoptado y, si se conoce, el tamaño de la muestra)"
        }
        Key::SeriesTooShort => {
            "la serie tiene {0|punto|puntos}; para ajustar p y q hacen falta al menos {1}"
        }
        Key::SeriesCells => {
            "esta línea tiene {0|celda|celdas}; una línea de la serie tiene un año, una \
             proporción y, si se conoce, un tamaño de muestra, como 2021,0.26,1500"
        }
        Key::SeriesHeader => {
            "la cabecera debe nombrar las columnas year, share y, si se desea, sample_size; \
             dice: {0}"
        }
        Key::SeriesYear => "\"{0}\" no es un año entre {1} y {2}",
        Key::SeriesShare => "\"{0}\" no es una proporción entre 0 y 1",
        Key::SeriesSampleSize => {
            "\"{0}\" no es un tamaño de muestra: escriba el número entero de empresas \
             encuestadas, al menos 1"
        }
        Key::SeriesUnsorted => {
            "el año {0} va después del año {1}: ordene los años de menor a mayor"
        }
        Key::SeriesDuplicate => "el año {0} aparece dos veces (también en la línea {1})",
        Key::HandinNotLink => {
            "esto no es un enlace de entrega: un enlace de entrega lleva h= seguido de su código"
        }
        Key::HandinEmpty => "el enlace de entrega tiene h= pero ningún código detrás",
        Key::HandinCharacters => {
            "el código de entrega tiene un carácter que ningún código de entrega tiene: ¿se \
             cambió al copiarlo?"
        }
        Key::HandinTruncated => {
            "el código de entrega está cortado o ha perdido un carácter ({0} de {1} \
             caracteres): copie el enlace entero"
        }
        Key::HandinTooLong => {
            "el código de entrega es más largo de lo que dice: se le ha añadido algo"
        }
        Key::HandinChecksum => {
            "la suma de control del código de entrega no coincide: se cambió un carácter"
        }
        Key::HandinVersion => {
            "este enlace de entrega es del formato versión {0}; este simulador lee la versión {1}"
        }
        Key::HandinMix => "el reparto del plan no son tres porcentajes enteros que sumen 100",
        Key::HandinBudget => {
            "el presupuesto del plan no es un número entero de euros entre 0 y {0}"
        }
        Key::HandinYears => {
            "el programa del plan no es válido (año de inicio {0}, {1} años)"
        }
        Key::HandinCodeBroken => "el código de consulta del código de entrega no se puede leer",
        Key::HandinGroup => {
            "un grupo tiene como mucho {0} letras, cifras, espacios o guiones (se recibió \
             \"{1}\")"
        }
        Key::HandinGroupBroken => "el grupo del código de entrega no se puede leer",
        Key::HandinNonce => {
            "falta el nonce del código de entrega (el número que distingue dos entregas)"
        }
        Key::HandinOtherConsultation => {
            "este plan se entregó a la consulta \"{0}\", no a \"{1}\""
        }
        Key::HandinDuplicate => "la misma entrega que en la línea {0}, contada una vez",
        _ => return None,
    })
}
