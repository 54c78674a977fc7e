//! The words of the hand-in dialog (a consultation's participant), which lives in the
//! lazily loaded decide module: a struct of their own, so the page's module carries none.

use super::Template;

/// The hand-in dialog's words in one language (its heading is the page's `hand_in`).
#[derive(Debug)]
pub struct HandinTexts {
    /// What to do with the link.
    pub intro: &'static str,
    /// That nothing leaves the page.
    pub nothing_sent: &'static str,
    /// The card's heading.
    pub card_heading: &'static str,
    /// The plan in words.
    /// (`{0}` `{1}` `{2}` vouchers', training's and pilots' percents, `{3}` the budget.)
    pub plan: Template,
    /// What it would achieve.
    /// (`{0}` extra adopting firms, `{1}` the year, `{2}` and `{3}` the 9-in-10 interval.)
    pub outcome: Template,
    /// A target's chance.
    /// (`{0}` the chance, `{1}` the target as the targets list words it.)
    pub chance: Template,
    /// The group handed in.
    /// (`{0}` the group.)
    pub group: Template,
    /// The link box's label.
    pub link_label: &'static str,
    /// The QR code's accessible name.
    pub qr_label: &'static str,
    /// The download button.
    pub download: &'static str,
    /// The file was offered.
    pub downloaded: Template,
    /// The clipboard refused: the link is selected instead.
    pub copy_by_hand: &'static str,
    /// The plan cannot be handed in (followed by why).
    pub refused: &'static str,
    /// The browser gave no random number for the nonce.
    pub no_random: &'static str,
}
