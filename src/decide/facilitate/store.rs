//! The gathered set in the browser's storage (`localStorage`, key [`gather::STORE_KEY`]):
//! loaded when the view opens, stored after each change.

use super::Notice;
use super::gather::{self, Source};
use crate::storage::local_storage;

/// The stored set, and a notice when what is stored cannot be read (the view then starts
/// empty; the stored text is replaced at the next change).
pub fn load() -> (Vec<Source>, Option<Notice>) {
    let Some(text) = local_storage().and_then(|s| s.get_item(gather::STORE_KEY).ok().flatten())
    else {
        return (Vec::new(), None);
    };
    match gather::from_json(&text) {
        Some(set) => (set, None),
        None => (Vec::new(), Some(Notice::StoreGarbage)),
    }
}

/// Stores the set (an empty set removes the key); [`Notice::StoreFull`] when the browser
/// refuses (full, or storage not available): the caller says so and keeps the set on the
/// page.
pub fn save(sources: &[Source]) -> Result<(), Notice> {
    let s = local_storage().ok_or(Notice::StoreFull)?;
    let done = if sources.is_empty() {
        s.remove_item(gather::STORE_KEY)
    } else {
        s.set_item(gather::STORE_KEY, &gather::to_json(sources))
    };
    done.map_err(|_| Notice::StoreFull)
}
