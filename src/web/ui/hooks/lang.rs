//! The language: remembered, and set on `<html lang>` for screen readers.

use super::super::storage;
use jixiao_core::Lang;
use yew::prelude::*;

#[hook]
pub(crate) fn use_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        storage::set(storage::LANG_KEY, lang.code());
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });
}
