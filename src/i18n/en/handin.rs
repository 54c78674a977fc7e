//! English: the hand-in dialog.

use crate::i18n::HandinTexts;

/// The hand-in dialog's English words.
pub static HANDIN: HandinTexts = HandinTexts {
    intro: "Your plan is this link. Hand it to the consultation's organisers the way they ask: paste it in an e-mail or chat, let them scan the QR code, or send the file.",
    nothing_sent: "Nothing is sent anywhere: this page keeps no copy and contacts no server. Only what you hand over reaches the organisers.",
    card_heading: "Your plan",
    plan: "{0} vouchers, {1} training, {2} pilots, {3} in total",
    outcome: "→ about {0} more firms adopting by {1} ({2} to {3} in 9 out of 10 simulated futures)",
    chance: "{0} chance of the target: {1}",
    group: "Group or district: {0}",
    link_label: "Your hand-in link",
    qr_label: "QR code of your hand-in link",
    download: "Download as a file",
    downloaded: "The file {0} is in your downloads.",
    copy_by_hand: "Copying was not allowed: the link is selected, copy it by hand.",
    refused: "This plan cannot be handed in:",
    no_random: "This browser gave no random number to tell your hand-in apart; try another browser.",
};
