//! Focus the field a finding (or a keystroke) asked for, or the nearest thing that contains it;
//! then go on with a paste or a key's move that was waiting for that row to be drawn.

use super::super::{fields, sheet, window};
use crate::state::Action;
use jixiao_core::FieldPath;
use yew::prelude::*;

#[hook]
pub(crate) fn use_focus(focus: Option<(u64, FieldPath)>, send: Callback<Action>) {
    use_effect_with(focus, move |focus| {
        if let Some((seq, path)) = focus {
            fields::focus_path(path);
            window::focus_given(*seq);
            sheet::resume(&send);
        }
    });
}
