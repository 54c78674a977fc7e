//! The model's messages in European Portuguese: one template per [`Key`], with the same
//! placeholders as its English template (`{0}`, or `{0|empresa|empresas}` for a count and its
//! noun). Field, column and link-part names stay as the files write them.

use crate::i18n::Key;

/// The Portuguese template for a key.
pub fn template(key: Key) -> &'static str {
    match key {
        Key::Field => "campo `{0}`: {1}",
        Key::FieldAt => "campo `{0}`: {1} (linha {2}, coluna {3})",
        Key::ScenarioAt => "o cenário não é válido: {0} (linha {1}, coluna {2})",
        Key::LinkPart => "parte `{0}` da ligação: {1}",
        Key::LineColumn => "linha {0}, coluna \"{1}\": {2}",
        Key::Line => "linha {0}: {1}",
        Key::Column => "coluna \"{0}\": {1}",
        Key::MoreProblems => "e {0|outro problema|outros problemas}",

        Key::JsonSyntax => "o texto não é JSON válido",
        Key::JsonEof => "o texto acaba antes do tempo (estará cortado?)",
        Key::JsonUnknownField => "não existe o campo `{0}`",
        Key::JsonMissingField => "falta o campo `{0}`",
        Key::JsonUnknownVariant => "\"{0}\" não é um dos valores possíveis",
        Key::JsonWrongType => "o valor não é do tipo esperado (número, texto, lista ou objeto)",
        Key::JsonData => "o valor não é válido",
        Key::NotAnObject => "um cenário deve ser um objeto JSON como {\"version\": {0}}",
        Key::VersionRequired => "é obrigatório; escreva \"version\": {0}",
        Key::VersionNotWhole => "deve ser o número inteiro 1 ou {0} (encontrado: {1})",
        Key::VersionUnknown => {
            "este programa lê as versões 1 e {0} do formato de cenários (encontrada: {1})"
        }

        Key::Between => "deve estar entre {0} e {1}",
        Key::BetweenGot => "deve estar entre {0} e {1} (encontrado: {2})",
        Key::LowBetween => "low (mínimo) deve estar entre {0} e {1} (encontrado: {2})",
        Key::ModeBetween => "mode (mais provável) deve estar entre {0} e {1} (encontrado: {2})",
        Key::HighBetween => "high (máximo) deve estar entre {0} e {1} (encontrado: {2})",
        Key::RangeOrder => {
            "tem de ser low <= mode <= high (encontrado: low {0}, mode {1}, high {2})"
        }
        Key::HorizonPast => "start_year + years não pode passar de {0}",
        Key::ProgrammeYears => "deve estar entre 1 e {0} (e não ser maior do que years)",
        Key::MixSum => "vouchers + training + pilots deve somar 1 (soma: {0})",
        Key::SegmentCount => "deve ter entre 1 e {0} segmentos",
        Key::NotEmpty => "não pode estar vazio",
        Key::NameUsed => "\"{0}\" já é o nome de outro segmento",
        Key::AdoptersAboveFirms => {
            "deve estar entre 0 e o número de empresas do segmento, {0} (encontrado: {1})"
        }
        Key::TotalFirms => {
            "as empresas de todos os segmentos não podem passar de {0} (encontradas: {1})"
        }
        Key::TooManyCells => {
            "runs x (years + 1) x segmentos dá {0}, mais do que os {1} que cabem na memória: \
             reduza runs, years ou o número de segmentos"
        }
        Key::VoucherMinimum => "value_eur + admin_eur deve ser pelo menos 1 euro",
        Key::TargetCount => "pode ter no máximo {0} metas",
        Key::TargetYear => "deve estar entre o ano de início, {0}, e o horizonte, {1}",
        Key::TextTooLong => "pode ter no máximo {0} carateres (tem {1})",
        Key::ControlCharacters => "não pode conter carateres de controlo",

        Key::LinkVersion => {
            "esta ligação foi feita com outra versão do simulador (formato de ligação \"{0}\"); \
             só consegue ler os formatos 1 e {1}, por isso é mostrado o cenário de referência"
        }
        Key::LinkPreset => "não existe o cenário predefinido \"{0}\"; é usado o de referência",
        Key::LinkMixShape => {
            "devem ser três percentagens inteiras como 40-20-40 (encontrado: \"{0}\")"
        }
        Key::LinkMixSum => "as três percentagens devem somar 100 (encontrado: \"{0}\")",
        Key::LinkDamaged => {
            "está danificada (talvez se tenha cortado ao copiar a ligação); foram usadas as \
             restantes partes"
        }
        Key::LinkFieldKept => "não pôde ser usado ({0}); manteve-se o valor de partida",
        Key::LinkUnknownPart => "não faz parte de uma ligação de cenário e foi ignorada",
        Key::NotANumber => "não é um número (encontrado: \"{0}\")",
        Key::NotWhole => "não é um número inteiro (encontrado: \"{0}\")",
        Key::TooLarge => "é demasiado grande (encontrado: \"{0}\")",

        Key::CsvTooLarge => {
            "o ficheiro tem {0} bytes; leem-se no máximo {1} bytes (1 MiB), muito mais do que \
             {2} segmentos precisam"
        }
        Key::CsvNotText => {
            "não é um ficheiro de texto: guarde a tabela como CSV (no Excel: \"CSV UTF-8\")"
        }
        Key::CsvEmpty => {
            "o ficheiro está vazio: a primeira linha deve ser um cabeçalho como \
             segment,firms,adopters, seguido de uma linha por segmento"
        }
        Key::CsvNoRows => {
            "o ficheiro tem cabeçalho mas nenhum segmento: acrescente por baixo uma linha por \
             segmento"
        }
        Key::CsvNoHeader => {
            "a primeira linha deve ser o cabeçalho, com as colunas segment, firms, adopters \
             (e, se quiser, p, q, aware_share, exit_rate, entry_rate); diz: {0}"
        }
        Key::ColumnTwice => "esta coluna aparece duas vezes no cabeçalho",
        Key::ColumnUnknown => {
            "coluna desconhecida: as colunas são segment, firms, adopters, p, q, aware_share, \
             exit_rate e entry_rate"
        }
        Key::ColumnUnknownHint => {
            "coluna desconhecida (queria dizer {0}?): as colunas são segment, firms, adopters, \
             p, q, aware_share, exit_rate e entry_rate"
        }
        Key::HeaderTooWide => {
            "o cabeçalho tem {0} colunas, muitas mais do que as oito de um ficheiro de população"
        }
        Key::ColumnMissing => {
            "falta esta coluna obrigatória no cabeçalho (segment, firms e adopters são \
             obrigatórias)"
        }
        Key::TooManySegments => {
            "o ficheiro tem {0} segmentos; uma população tem no máximo {1} (este é o segmento \
             {2})"
        }
        Key::FirmsSoFar => {
            "os segmentos até esta linha somam {0} empresas; uma população tem no máximo {1}"
        }
        Key::RowWidth => {
            "esta linha tem {0|célula|células} mas o cabeçalho tem {1|coluna|colunas}"
        }
        Key::RowWidthQuote => {
            "esta linha tem {0|célula|células} mas o cabeçalho tem {1|coluna|colunas}; aqui uma \
             célula continua na linha seguinte: faltam as aspas de fecho (\")?"
        }
        Key::RowWidthComma => {
            "esta linha tem {0|célula|células} mas o cabeçalho tem {1|coluna|colunas}; num \
             ficheiro separado por vírgulas, um número escrito com vírgula (15,300 ou 0,38) \
             divide-se em duas células: escreva 15300 e 0.38, ou ponha a célula entre aspas"
        }
        Key::UnnamedCell => {
            "a célula {0} tem um valor mas a sua coluna não tem nome no cabeçalho"
        }
        Key::SegmentNameTaken => "\"{0}\" já é o nome do segmento da linha {1}",
        Key::AdoptersMoreThanFirms => "{0} é mais do que as {1|empresa|empresas} do segmento",
        Key::FirmsEmpty => "está vazia: escreva o número de empresas do segmento",
        Key::AdoptersEmpty => {
            "está vazia: escreva o número de empresas que já adotaram (0 se nenhuma)"
        }
        Key::ThousandsSeparator => {
            "\"{0}\" tem separador de milhares: escreva {1}, só algarismos"
        }
        Key::CellNotWhole => "\"{0}\" não é um número inteiro",
        Key::CellNotParam => {
            "\"{0}\" não é um número nem um intervalo: escreva um número como 0.38, ou um \
             intervalo mínimo..máximo ou mínimo..mais provável..máximo como 0.30..0.38..0.53"
        }
        Key::CellPercent => "\"{0}\" é uma percentagem: escreva-a como proporção, {1}",
        Key::CellDecimalComma => {
            "\"{0}\" não é um número: num ficheiro separado por vírgulas, escreva as casas \
             decimais com ponto ({1})"
        }
        Key::NameMissing => "o segmento não tem nome",
        Key::NameTooLong => "o nome tem {0} carateres; pode ter no máximo {1}",
        Key::NameLineBreak => {
            "o nome continua na linha seguinte: faltam as aspas de fecho (\")?"
        }
        Key::NameControl => "o nome contém um caráter de controlo (como uma tabulação)",
        Key::NameUnreadable => {
            "o nome tem carateres que não foi possível ler (\u{fffd}): guarde o ficheiro como \
             \"CSV UTF-8\""
        }
        Key::HandinCode => {
            "um código de consulta tem de 1 a {0} letras a-z, algarismos ou hífenes (recebido \
             \"{1}\")"
        }
        Key::ConsultLock => {
            "\"{0}\" não pode ser fixado: uma consulta fixa budget, vouchers, training ou pilots"
        }
        Key::ConsultQuestionLong => "a pergunta tem mais de {0} caracteres e foi cortada",
        Key::ConsultGroupsMany => {
            "uma consulta oferece no máximo {0} grupos; os restantes foram deixados de fora"
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
            "a série está vazia: escreva uma linha por ano, como 2021,0.26 (o ano, a proporção \
             de empresas que adotaram e, se for conhecida, a dimensão da amostra)"
        }
        Key::SeriesTooShort => {
            "a série tem {0|ponto|pontos}; para ajustar p e q são precisos pelo menos {1}"
        }
        Key::SeriesCells => {
            "esta linha tem {0|célula|células}; uma linha da série tem um ano, uma proporção e, \
             se for conhecida, a dimensão da amostra, como 2021,0.26,1500"
        }
        Key::SeriesHeader => {
            "o cabeçalho deve nomear as colunas year, share e, se quiser, sample_size; \
             diz: {0}"
        }
        Key::SeriesYear => "\"{0}\" não é um ano entre {1} e {2}",
        Key::SeriesShare => "\"{0}\" não é uma proporção entre 0 e 1",
        Key::SeriesSampleSize => {
            "\"{0}\" não é uma dimensão de amostra: escreva o número inteiro de empresas \
             inquiridas, pelo menos 1"
        }
        Key::SeriesUnsorted => {
            "o ano {0} vem depois do ano {1}: ordene os anos por ordem crescente"
        }
        Key::SeriesDuplicate => "o ano {0} aparece duas vezes (também na linha {1})",
        Key::HandinNotLink => {
            "isto não é uma ligação de entrega: uma ligação de entrega tem h= seguido do seu \
             código"
        }
        Key::HandinEmpty => "a ligação de entrega tem h= mas nenhum código a seguir",
        Key::HandinCharacters => {
            "o código de entrega tem um carácter que nenhum código de entrega tem: foi \
             alterado ao copiar?"
        }
        Key::HandinTruncated => {
            "o código de entrega está cortado ou perdeu um carácter ({0} de {1} caracteres): \
             copie a ligação inteira"
        }
        Key::HandinTooLong => {
            "o código de entrega é mais longo do que diz: foi-lhe acrescentado algo"
        }
        Key::HandinChecksum => {
            "a soma de controlo do código de entrega não confere: um carácter foi alterado"
        }
        Key::HandinVersion => {
            "esta ligação de entrega é do formato versão {0}; este simulador lê a versão {1}"
        }
        Key::HandinMix => "a repartição do plano não são três percentagens inteiras que somem 100",
        Key::HandinBudget => {
            "o orçamento do plano não é um número inteiro de euros entre 0 e {0}"
        }
        Key::HandinYears => "o programa do plano não é válido (ano de início {0}, {1} anos)",
        Key::HandinCodeBroken => "o código de consulta do código de entrega não se consegue ler",
        Key::HandinGroup => {
            "um grupo tem no máximo {0} letras, algarismos, espaços ou hífenes (recebido \
             \"{1}\")"
        }
        Key::HandinGroupBroken => "o grupo do código de entrega não se consegue ler",
        Key::HandinNonce => {
            "falta o nonce do código de entrega (o número que distingue duas entregas)"
        }
        Key::HandinOtherConsultation => {
            "este plano foi entregue à consulta \"{0}\", não a \"{1}\""
        }
        Key::HandinDuplicate => "a mesma entrega que na linha {0}, contada uma vez",
        _ => return None,
    })
}
