//! The gathered set in the browser's storage (`localStorage`, key [`gather::STORE_KEY`]):
//! opened when the view opens (through [`storage::open`], as the saved scenarios are: a
//! stored text that cannot be read is copied aside before anything is written over it),
//! stored after each change.

use super::Notice;
use super::gather::{self, Source};
use crate::storage::{self, Opening, Verdict, WriteGuard, local_storage};

/// The stored set, a notice when what is stored cannot be read (the view then starts empty,
/// and the notice names the key the stored text was kept under), and whether the set may
/// be stored.
pub fn load() -> (Vec<Source>, Option<Notice>, WriteGuard) {
    let (set, opening) = storage::open(gather::STORE_KEY, |text| match gather::from_json(text) {
        Some(set) => (set, Verdict::Readable),
        None => (Vec::new(), Verdict::Unreadable),
    });
    let notice = match &opening {
        Opening::BackedUp(backup) => Some(Notice::StoreKept(backup.clone())),
        Opening::BackupFailed => Some(Notice::StoreLocked),
        // Said at the first change, which the browser refuses.
        Opening::Fine | Opening::Newer | Opening::Unavailable => None,
    };
    (set.unwrap_or_default(), notice, opening.guard())
}

/// Stores the set (an empty set removes the key); the notice to show when it is not
/// stored: [`Notice::StoreFull`] when the browser refuses (full, or storage not available),
/// [`Notice::StoreLocked`] when an unreadable stored set could not be copied aside. The
/// caller shows it and keeps the set on the page.
pub fn save(sources: &[Source], guard: WriteGuard) -> Result<(), Notice> {
    let s = local_storage().ok_or(Notice::StoreFull)?;
    if !guard.0 {
        return Err(Notice::StoreLocked);
    }
    let done = if sources.is_empty() {
        s.remove_item(gather::STORE_KEY)
    } else {
        s.set_item(gather::STORE_KEY, &gather::to_json(sources))
    };
    done.map_err(|_| Notice::StoreFull)
}
