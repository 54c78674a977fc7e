//! Portuguese: the hand-in dialog.

use crate::i18n::HandinTexts;

/// The hand-in dialog's Portuguese words.
pub static HANDIN: HandinTexts = HandinTexts {
    intro: "O seu plano é esta ligação. Entregue-a a quem organiza a consulta como lhe pedirem: cole-a num e-mail ou numa conversa, deixe que leiam o código QR ou envie o ficheiro.",
    nothing_sent: "Nada é enviado para lado nenhum: esta página não guarda nenhuma cópia nem contacta nenhum servidor. Só chega à organização o que entregar.",
    card_heading: "O seu plano",
    plan: "{0} vales, {1} formação, {2} projetos-piloto, {3} no total",
    outcome: "→ cerca de {0} empresas a mais terão adotado em {1} (de {2} a {3} em 9 de cada 10 futuros simulados)",
    chance: "{0} de probabilidade de atingir a meta: {1}",
    group: "Grupo ou concelho: {0}",
    link_label: "A sua ligação de entrega",
    qr_label: "Código QR da sua ligação de entrega",
    download: "Descarregar como ficheiro",
    downloaded: "O ficheiro {0} está nas suas transferências.",
    copy_by_hand: "Não foi permitido copiar: a ligação está selecionada, copie-a à mão.",
    refused: "Este plano não pode ser entregue:",
    no_random: "Este navegador não deu nenhum número aleatório para distinguir a sua entrega; experimente outro navegador.",
};
