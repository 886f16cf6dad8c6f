//! localStorage: the autosaved document and the language. Keys carry the product and the format
//! version, since every local file shares one storage under file://.

use jixiao_core::Lang;

pub(crate) const AUTOSAVE_KEY: &str = "jixiao/1:autosave";
pub(crate) const BROKEN_KEY: &str = "jixiao/1:autosave:unreadable";
pub(crate) const LANG_KEY: &str = "jixiao:lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub(crate) fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes a value; `false` when the browser refused (storage full or disabled). After a panic
/// nothing is written: the state may be half-applied, and the last whole one is what is kept.
pub(crate) fn set(key: &str, value: &str) -> bool {
    if super::crash::panicked() {
        return false;
    }
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub(crate) fn saved_lang() -> Lang {
    get(LANG_KEY)
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_default()
}
