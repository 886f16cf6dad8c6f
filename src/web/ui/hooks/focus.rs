//! Focus the field a finding (or a keystroke) asked for, or the nearest thing that contains it.

use super::super::fields;
use jixiao_core::FieldPath;
use yew::prelude::*;

#[hook]
pub(crate) fn use_focus(focus: Option<(u64, FieldPath)>) {
    use_effect_with(focus, |focus| {
        if let Some((_, path)) = focus {
            fields::focus_path(path);
        }
    });
}
