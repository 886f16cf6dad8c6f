//! The page's effects, each a named hook: what happens around the app besides drawing it.

mod autosave;
mod focus;
mod lang;
mod other_tab;
mod print_copy;
mod settled;
mod share_link;
mod undo_keys;

pub(crate) use autosave::use_autosave;
pub(crate) use focus::use_focus;
pub(crate) use lang::use_lang;
pub(crate) use other_tab::use_other_tab;
pub(crate) use print_copy::{use_print_copy, PrintCopy};
pub(crate) use settled::use_settled;
pub(crate) use share_link::use_share_link;
pub(crate) use undo_keys::use_undo_keys;
