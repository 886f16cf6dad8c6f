//! Spreadsheet keys in the editing tables (indicators, budget lines, survey counts): Enter moves
//! down and Shift+Enter up, Tab and Shift+Tab across, arrows at a field's edge move between
//! cells, Ctrl+Enter adds a row below, Alt+↑/↓ moves the row, Escape closes a detail row.
//!
//! A table marks its rows `data-row` (the wire form of the row's [`FieldPath`]) and its cells'
//! controls `data-col` (the column); one keydown handler on the table moves the focus between
//! them, and turns the structural keys into actions.

use super::Host;
use crate::edit::{Dir, Edit};
use crate::state::Action;
use jixiao_core::{FieldPath, NodeField, SurveyField};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

/// Where the focus goes.
#[derive(Clone, Copy, PartialEq)]
enum Move {
    Up,
    Down,
    Left,
    Right,
}

/// The keydown handler of an editing table.
pub(crate) fn keys(ctx: &Host) -> Callback<KeyboardEvent> {
    let send = ctx.send.clone();
    Callback::from(move |e: KeyboardEvent| {
        let Some(control) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let row = control.closest("tr[data-row]").ok().flatten();
        let row_path = row
            .as_ref()
            .and_then(|r| r.get_attribute("data-row"))
            .and_then(|p| p.parse::<FieldPath>().ok());
        let key = e.key();
        let (ctrl, alt, shift) = (e.ctrl_key() || e.meta_key(), e.alt_key(), e.shift_key());
        if key == "Escape" {
            if let Some(id) = control
                .closest("tr[data-detail]")
                .ok()
                .flatten()
                .and_then(|d| d.get_attribute("data-detail"))
            {
                e.prevent_default();
                send.emit(Action::CloseDetail);
                send.emit(Action::Focus(FieldPath::node(&id, NodeField::Name)));
            }
            return;
        }
        let (Some(row), Some(row_path)) = (row, row_path) else {
            return;
        };
        let Some(col) = control
            .get_attribute("data-col")
            .and_then(|c| c.parse::<usize>().ok())
        else {
            return;
        };
        let here = field_of(&control);
        match key.as_str() {
            "Enter" if ctrl => {
                if let Some(action) = insert_below(&row_path) {
                    e.prevent_default();
                    send.emit(action);
                }
            }
            "ArrowUp" | "ArrowDown" if alt => {
                let dir = if key == "ArrowUp" { Dir::Up } else { Dir::Down };
                if let Some(edit) = move_row(&row_path, dir) {
                    e.prevent_default();
                    send.emit(Action::Edit(edit));
                    // The row's elements are moved, which takes the focus away: give it back.
                    if let Some(path) = here {
                        send.emit(Action::Focus(path));
                    }
                }
            }
            "Enter" if !alt => {
                if control.tag_name() == "BUTTON" {
                    return;
                }
                e.prevent_default();
                go(&send, &row, col, if shift { Move::Up } else { Move::Down });
            }
            "Tab" if !ctrl && !alt => {
                let to = if shift { Move::Left } else { Move::Right };
                if go(&send, &row, col, to) {
                    e.prevent_default();
                }
            }
            "ArrowUp" | "ArrowDown" if !ctrl && !shift => {
                let to = if key == "ArrowUp" {
                    Move::Up
                } else {
                    Move::Down
                };
                if at_edge(&control, to) && go(&send, &row, col, to) {
                    e.prevent_default();
                }
            }
            "ArrowLeft" | "ArrowRight" if !ctrl && !shift && !alt => {
                let to = if key == "ArrowLeft" {
                    Move::Left
                } else {
                    Move::Right
                };
                if at_edge(&control, to) && go(&send, &row, col, to) {
                    e.prevent_default();
                }
            }
            _ => {}
        }
    })
}

/// Pasting a block of copied cells (more than one cell) into a cell of the table fills the cells
/// from there, rightwards and downwards, as a spreadsheet does: one undo step. A block whose
/// first row is column titles, or a paste outside the cells, is left to the editor's own paste
/// (which adds rows by the titles).
pub(crate) fn paste(ctx: &Host) -> Callback<Event> {
    let send = ctx.send.clone();
    Callback::from(move |e: Event| {
        let Some(text) = super::files::pasted_text(&e) else {
            return;
        };
        let block = jixiao_core::paste_cells(&text);
        let one_cell = block.len() <= 1 && block.first().is_none_or(|row| row.len() <= 1);
        if one_cell || jixiao_core::titled(&text) {
            return;
        }
        let Some(control) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let (Some(row), Some(col)) = (
            control.closest("tr[data-row]").ok().flatten(),
            control
                .get_attribute("data-col")
                .and_then(|c| c.parse::<usize>().ok()),
        ) else {
            return;
        };
        e.prevent_default();
        e.stop_propagation();
        fill(&send, row, col, block, Vec::new());
    })
}

/// A paste that ran past the rows drawn, waiting for the window to draw its next row: the fields
/// taken so far, the lines left and the column it started in.
struct Pending {
    fields: Vec<(FieldPath, String)>,
    lines: Vec<Vec<String>>,
    col: usize,
}

/// Where a key that moved past the drawn rows puts the focus in the row beyond: the cell of a
/// column, or the row's first or last cell (Tab past a row's end, Shift+Tab past its start).
#[derive(Clone, Copy)]
enum Cell {
    At(usize),
    First,
    Last,
}

impl Cell {
    /// This cell's control in `row`.
    fn in_row(self, row: &Element) -> Option<Element> {
        match self {
            Cell::At(col) => cell_at(row, col),
            Cell::First => cells(row).into_iter().next().map(|(_, e)| e),
            Cell::Last => cells(row).pop().map(|(_, e)| e),
        }
    }
}

/// What waits for a row beyond the drawn ones to be drawn: the row (its `data-row`) and what
/// goes on there.
struct Waiting {
    row: String,
    then: Then,
}

enum Then {
    Paste(Pending),
    Move(Cell),
}

thread_local! {
    static WAITING: std::cell::RefCell<Option<Waiting>> = const { std::cell::RefCell::new(None) };
}

/// The row a spacer stands in front of (its `data-next-row`): as written and as a path.
fn row_beyond(spacer: &Element) -> Option<(String, FieldPath)> {
    let row = spacer.get_attribute("data-next-row")?;
    let path = row.parse().ok()?;
    Some((row, path))
}

/// Asks for the row beyond a spacer to be drawn, and leaves `then` to be done there when it is
/// ([`resume`]).
fn wait_for(send: &Callback<Action>, (row, path): (String, FieldPath), then: Then) {
    WAITING.with(|w| *w.borrow_mut() = Some(Waiting { row, then }));
    send.emit(Action::Focus(path));
}

/// The row of the table drawn under the path `row`.
fn drawn_row(row: &str) -> Option<Element> {
    let selector = format!("tr[data-row=\"{}\"]", row.replace('"', "\\\""));
    gloo::utils::document()
        .query_selector(&selector)
        .ok()
        .flatten()
}

/// Fills the cells from column `col` of `row` downward with `lines`. Where the drawn rows end
/// and the table has more (a spacer row naming the next one), the window is moved there (a
/// focus request) and the paste goes on when it is drawn ([`resume`]); the fields are
/// written together at the end, one undo step.
fn fill(
    send: &Callback<Action>,
    mut row: Element,
    col: usize,
    lines: Vec<Vec<String>>,
    mut fields: Vec<(FieldPath, String)>,
) {
    let mut lines = lines.into_iter();
    let mut left = 0usize;
    while let Some(line) = lines.next() {
        let in_row = cells(&row);
        let start = in_row.iter().position(|(c, _)| *c >= col);
        for (value, (_, control)) in line
            .iter()
            .zip(in_row.iter().skip(start.unwrap_or(usize::MAX)))
        {
            if let Some(field) = written(control, value) {
                fields.push(field);
            }
        }
        match next_row(&row) {
            Some(next) => row = next,
            None => {
                let rest: Vec<Vec<String>> = lines.collect();
                let beyond = row.next_element_sibling().as_ref().and_then(row_beyond);
                if let (Some(beyond), false) = (beyond, rest.is_empty()) {
                    let pending = Pending {
                        fields,
                        lines: rest,
                        col,
                    };
                    wait_for(send, beyond, Then::Paste(pending));
                    return;
                }
                left = rest.len();
                break;
            }
        }
    }
    if !fields.is_empty() {
        send.emit(Action::Edit(Edit::SetMany(fields)));
    }
    if left > 0 {
        send.emit(Action::Notify(crate::state::Notice::PastedPast { left }));
    }
}

/// Goes on with what was waiting for a row beyond the drawn ones (a paste, a key's move), once
/// the page is drawn again.
pub(crate) fn resume(send: &Callback<Action>) {
    let Some(Waiting { row, then }) = WAITING.with(|w| w.borrow_mut().take()) else {
        return;
    };
    let row = drawn_row(&row);
    match then {
        Then::Move(cell) => {
            if let Some(target) = row.and_then(|row| cell.in_row(&row)) {
                take_focus(&target);
            }
        }
        Then::Paste(pending) => match row {
            Some(row) => fill(send, row, pending.col, pending.lines, pending.fields),
            None => {
                let left = pending.lines.len();
                if !pending.fields.is_empty() {
                    send.emit(Action::Edit(Edit::SetMany(pending.fields)));
                }
                send.emit(Action::Notify(crate::state::Notice::PastedPast { left }));
            }
        },
    }
}

/// The next row of the table with cells (detail rows are passed by).
fn next_row(row: &Element) -> Option<Element> {
    let mut next = row.next_element_sibling();
    while let Some(r) = next {
        if r.has_attribute("data-row") {
            return Some(r);
        }
        next = r.next_element_sibling();
    }
    None
}

/// The edit a pasted cell makes in `control`: text into an input, the option whose value or
/// words match into a select; nothing into a button or a computed cell.
fn written(control: &Element, value: &str) -> Option<(FieldPath, String)> {
    let path = field_of(control)?;
    match control.tag_name().as_str() {
        "INPUT" | "TEXTAREA" => Some((path, value.to_string())),
        "SELECT" => {
            let select = control.dyn_ref::<web_sys::HtmlSelectElement>()?;
            let options = select.options();
            (0..options.length())
                .filter_map(|i| options.item(i))
                .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
                .find(|o| o.value() == value || o.text().trim() == value)
                .map(|o| (path, o.value()))
        }
        _ => None,
    }
}

/// The field of a control, from its id (`f:` + path).
fn field_of(control: &Element) -> Option<FieldPath> {
    control.id().strip_prefix("f:")?.parse().ok()
}

/// Ctrl+Enter: a new row below (indicators and budget lines; a survey's new question goes last).
fn insert_below(row: &FieldPath) -> Option<Action> {
    match row {
        FieldPath::Node(_, None) | FieldPath::Line(_, None) => {
            Some(Action::InsertBelow(row.clone()))
        }
        FieldPath::Survey(survey, Some(SurveyField::Question(_, None))) => {
            Some(Action::Edit(Edit::AddQuestion(survey.clone())))
        }
        _ => None,
    }
}

/// Alt+↑/↓: the row one place up or down among its siblings.
fn move_row(row: &FieldPath, dir: Dir) -> Option<Edit> {
    match row {
        FieldPath::Node(id, None) => Some(Edit::MoveNode(id.clone(), dir)),
        FieldPath::Line(id, None) => Some(Edit::MoveLine(id.clone(), dir)),
        FieldPath::Survey(survey, Some(SurveyField::Question(q, None))) => {
            Some(Edit::MoveQuestion(survey.clone(), q.clone(), dir))
        }
        _ => None,
    }
}

/// Whether an arrow key should leave the control: always for a select or button (their own
/// arrows are kept for ↑/↓ of a select), at the start or end of the text for an input, on the
/// first or last line for a text area.
fn at_edge(control: &Element, to: Move) -> bool {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        let (start, end) = (
            input.selection_start().ok().flatten(),
            input.selection_end().ok().flatten(),
        );
        let len = u32::try_from(input.value().encode_utf16().count()).unwrap_or(u32::MAX);
        return match to {
            Move::Up | Move::Down => true,
            Move::Left => start == Some(0) && end == Some(0),
            Move::Right => start == Some(len) && end == Some(len),
        };
    }
    if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        let text: Vec<u16> = area.value().encode_utf16().collect();
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        let (Some(start), Some(end)) = (
            area.selection_start().ok().flatten(),
            area.selection_end().ok().flatten(),
        ) else {
            return false;
        };
        if start != end {
            return false;
        }
        let newline = u16::from(b'\n');
        let before = text.iter().take(start as usize);
        let after = text.iter().skip(start as usize);
        return match to {
            Move::Up => !before.into_iter().any(|c| *c == newline),
            Move::Down => !after.into_iter().any(|c| *c == newline),
            Move::Left => start == 0,
            Move::Right => start == len,
        };
    }
    match control.tag_name().as_str() {
        "SELECT" => matches!(to, Move::Left | Move::Right),
        _ => true,
    }
}

/// Moves the focus from column `col` of `row`; false when there is no cell that way. Past the
/// drawn rows (a spacer naming the row beyond), the window is asked to draw that row and the
/// focus goes there when it is drawn.
fn go(send: &Callback<Action>, row: &Element, col: usize, to: Move) -> bool {
    let (step, cell) = match to {
        Move::Up | Move::Down => (to, Cell::At(col)),
        Move::Left | Move::Right => {
            let in_row = cells(row);
            let here = in_row.iter().position(|(c, _)| *c == col);
            let beside = here.and_then(|i| match to {
                Move::Left => i.checked_sub(1),
                _ => i.checked_add(1),
            });
            if let Some((_, e)) = beside.and_then(|i| in_row.get(i)) {
                take_focus(e);
                return true;
            }
            // Past the row's last cell: the next row's first (or the previous row's last).
            if to == Move::Left {
                (Move::Up, Cell::Last)
            } else {
                (Move::Down, Cell::First)
            }
        }
    };
    let mut next = sibling(row, step);
    while let Some(r) = next {
        if r.has_attribute("data-row") {
            if let Some(found) = cell.in_row(&r) {
                take_focus(&found);
                return true;
            }
        } else if let Some(beyond) = row_beyond(&r) {
            wait_for(send, beyond, Then::Move(cell));
            return true;
        }
        next = sibling(&r, step);
    }
    false
}

/// Focuses a cell's control, its text selected as a spreadsheet does.
fn take_focus(target: &Element) {
    if let Some(el) = target.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.select();
    }
}

fn sibling(row: &Element, to: Move) -> Option<Element> {
    match to {
        Move::Up | Move::Left => row.previous_element_sibling(),
        Move::Down | Move::Right => row.next_element_sibling(),
    }
}

/// The control of column `col` in `row`.
fn cell_at(row: &Element, col: usize) -> Option<Element> {
    row.query_selector(&format!("[data-col=\"{col}\"]"))
        .ok()
        .flatten()
}

/// The row's cells in column order.
fn cells(row: &Element) -> Vec<(usize, Element)> {
    let mut out = Vec::new();
    if let Ok(list) = row.query_selector_all("[data-col]") {
        for i in 0..list.length() {
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                if let Some(c) = e.get_attribute("data-col").and_then(|c| c.parse().ok()) {
                    out.push((c, e));
                }
            }
        }
    }
    out.sort_by_key(|(c, _)| *c);
    out
}
