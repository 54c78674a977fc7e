//! Spanish: the hand-in dialog.

use crate::i18n::HandinTexts;

/// The hand-in dialog's Spanish words.
pub static HANDIN: HandinTexts = HandinTexts {
    intro: "Su plan es este enlace. Entréguelo a quien organiza la consulta como le pidan: péguelo en un correo o un chat, deje que escaneen el código QR o envíe el archivo.",
    nothing_sent: "No se envía nada a ninguna parte: esta página no guarda ninguna copia ni contacta con ningún servidor. Solo llega a la organización lo que usted entregue.",
    card_heading: "Su plan",
    plan: "{0} bonos, {1} formación, {2} pilotos, {3} en total",
    outcome: "→ unas {0} empresas más habrán adoptado en {1} (de {2} a {3} en 9 de cada 10 futuros simulados)",
    chance: "{0} de probabilidad de alcanzar el objetivo: {1}",
    group: "Grupo o comarca: {0}",
    link_label: "Su enlace de entrega",
    qr_label: "Código QR de su enlace de entrega",
    download: "Descargar como archivo",
    downloaded: "El archivo {0} está en sus descargas.",
    copy_by_hand: "No se permitió copiar: el enlace está seleccionado, cópielo a mano.",
    refused: "Este plan no se puede entregar:",
    no_random: "Este navegador no dio ningún número aleatorio para distinguir su entrega; pruebe con otro navegador.",
};
