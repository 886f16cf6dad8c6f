//! Long tables drawn a window at a time: above [`WINDOWED_ABOVE`] rows, a table draws the rows in
//! view plus [`MARGIN`] rows on each side, and one spacer row above and below them holds the
//! height of the rows not drawn, so that the scroll bar and the page's length stay those of the
//! whole table. The window follows the page's scrolling; a focus request (a finding clicked, a
//! paste running on) moves it to its row first, so that the row is drawn before it is focused.
//! A key that moves past the drawn rows (Enter, Tab, an arrow) asks for the row beyond, named by
//! the spacer, in the same way.

use super::i18n::t;
use gloo::events::EventListener;
use yew::prelude::*;

/// A table of more rows than this is drawn a window at a time.
pub(crate) const WINDOWED_ABOVE: usize = 100;

/// Rows drawn beyond the view, above and below.
const MARGIN: usize = 8;

/// A row's height before one has been measured, in pixels.
const FIRST_GUESS_PX: u32 = 48;

/// The rows drawn: `first..end` of `total`, each about `row_px` high.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) struct Span {
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) total: usize,
    row_px: u32,
}

impl Span {
    /// Every row.
    fn all(total: usize) -> Span {
        Span {
            first: 0,
            end: total,
            total,
            row_px: FIRST_GUESS_PX,
        }
    }

    fn around(first: usize, total: usize, row_px: u32, view_px: u32) -> Span {
        let in_view = usize::try_from(view_px.checked_div(row_px.max(1)).unwrap_or(0))
            .unwrap_or(usize::MAX)
            .saturating_add(1);
        let first = first.min(total.saturating_sub(1));
        let end = first
            .saturating_add(in_view)
            .saturating_add(MARGIN.saturating_mul(2))
            .min(total);
        Span {
            first,
            end,
            total,
            row_px,
        }
    }

    /// Whether row `i` is drawn.
    pub(crate) fn contains(&self, i: usize) -> bool {
        (self.first..self.end).contains(&i)
    }

    /// The height of `rows` rows not drawn, in pixels.
    fn height(&self, rows: usize) -> String {
        spacer_px(rows, self.row_px)
    }

    /// The table body's rows: the `drawn` ones (keyed), with a spacer row in place of the rows
    /// above the window and one in place of those below it. Each spacer carries the path of the
    /// row next to the drawn ones on its side (`data-next-row`, from `row_path` of the row's
    /// index): a key or a paste that runs past the drawn rows goes on there. Their heights are
    /// the cell's `height` attribute (the page's CSP refuses a `style` attribute, and a height
    /// set after drawing would leave the page a moment with spacers of the wrong height, which
    /// the browser may paint and scroll by: the page yields to it between drawing and effects).
    pub(crate) fn rows(
        &self,
        columns: usize,
        row_path: impl Fn(usize) -> Option<String>,
        drawn: impl IntoIterator<Item = Html>,
    ) -> Html {
        let colspan = columns.to_string();
        let spacer = |key: &'static str, rows: usize, next: Option<String>| {
            html! {
                <tr {key} class="window-spacer" aria-hidden="true" data-next-row={next}>
                    <td colspan={colspan.clone()} height={self.height(rows)}></td>
                </tr>
            }
        };
        let hidden = self.total.saturating_sub(self.end);
        let above = self.first.checked_sub(1).and_then(&row_path);
        let all = (self.first > 0)
            .then(|| spacer("window-above", self.first, above))
            .into_iter()
            .chain(drawn)
            .chain((hidden > 0).then(|| spacer("window-below", hidden, row_path(self.end))));
        all.collect::<Html>()
    }
}

/// The height of a spacer standing for `rows` rows of `row_px` pixels.
fn spacer_px(rows: usize, row_px: u32) -> String {
    u64::try_from(rows)
        .unwrap_or(u64::MAX)
        .saturating_mul(u64::from(row_px))
        .to_string()
}

/// Where the window stands: its first row and the rows' height as last measured. Kept in a
/// cell that the scroll listener reads and writes (a state handle it held would go stale).
#[derive(Clone, Copy)]
struct Place {
    first: usize,
    row_px: u32,
    /// Whether `row_px` has been measured on drawn rows (not the first guess).
    measured: bool,
    /// The focus request that moved the window last: until its focus is given, the window holds
    /// its place (a scroll seen before then is the page's old place, not where the focus goes).
    held_for: u64,
}

thread_local! {
    /// The last focus request whose focus was given ([`focus_given`]).
    static FOCUS_GIVEN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Tells the windows that the focus of request `seq` was given (and its row scrolled in): the
/// window that moved for it follows the page's scrolling again. The page draws and yields to the
/// browser between a request and its focus, so scroll events can come in between.
pub(crate) fn focus_given(seq: u64) {
    FOCUS_GIVEN.with(|given| given.set(seq));
}

/// The rows of a table of `total` rows to draw now. `body` is the table's `<tbody>`; `focus` a
/// focus request (its sequence number and the index of its row), which moves the window to its
/// row once.
#[hook]
pub(crate) fn use_window(body: NodeRef, total: usize, focus: Option<(u64, usize)>) -> Span {
    let place = use_mut_ref(|| Place {
        first: 0,
        row_px: FIRST_GUESS_PX,
        measured: false,
        held_for: 0,
    });
    let redraw = use_force_update();
    let served = use_mut_ref(|| 0u64);
    let view_px = view_height();
    // A focus request for a row outside the window moves the window there, in this render, so
    // that the row is drawn when the focus is given.
    if let Some((seq, row)) = focus {
        if seq != *served.borrow() {
            *served.borrow_mut() = seq;
            let now = *place.borrow();
            let span = Span::around(now.first, total, now.row_px, view_px);
            if !span.contains(row) {
                let mut place = place.borrow_mut();
                place.first = row.saturating_sub(MARGIN);
                place.held_for = seq;
            }
        }
    }
    {
        let (body, place, redraw) = (body.clone(), place.clone(), redraw.clone());
        use_effect_with(total > WINDOWED_ABOVE, move |windowed| {
            let listeners = windowed.then(|| {
                let follow = move || {
                    if follow_scroll(&body, &mut place.borrow_mut()) {
                        redraw.force_update();
                    }
                };
                let window = gloo::utils::window();
                let on_scroll = follow.clone();
                [
                    EventListener::new(&window, "scroll", move |_| on_scroll()),
                    EventListener::new(&window, "resize", move |_| follow()),
                ]
            });
            move || drop(listeners)
        });
    }
    {
        let place = place.clone();
        use_effect(move || {
            // The rows' height measured once they are first drawn, before the page is scrolled:
            // a spacer sized by the first guess would otherwise change height at the first
            // scroll, and move every row below it (a table further down jumps out of view).
            // The spacer above is given its new height at once, before a focus waiting for this
            // drawing is given (its row is scrolled in where it will stay).
            let mut place = place.borrow_mut();
            if total > WINDOWED_ABOVE && !place.measured && measure(&drawn_rows(&body), &mut place)
            {
                size_above(&body, place.first, place.row_px);
                drop(place);
                redraw.force_update();
            }
        });
    }
    if total <= WINDOWED_ABOVE {
        return Span::all(total);
    }
    let now = *place.borrow();
    Span::around(now.first, total, now.row_px, view_px)
}

fn view_height() -> u32 {
    gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .map_or(900, |h| h.clamp(0.0, 100_000.0) as u32)
}

/// Sets the height of the spacer above the drawn rows of `body`, if there is one, to `rows` rows
/// of `row_px` (as the next drawing will).
fn size_above(body: &NodeRef, rows: usize, row_px: u32) {
    let cell = body
        .cast::<web_sys::Element>()
        .and_then(|b| b.first_element_child())
        .filter(|row| row.class_list().contains("window-spacer"))
        .and_then(|row| row.first_element_child());
    if let Some(cell) = cell {
        let _ = cell.set_attribute("height", &spacer_px(rows, row_px));
    }
}

/// The drawn rows of the table body `body`: each one's index among the table's rows and its box.
fn drawn_rows(body: &NodeRef) -> Vec<(usize, web_sys::DomRect)> {
    let Some(body) = body.cast::<web_sys::Element>() else {
        return Vec::new();
    };
    body.query_selector_all("tr[aria-rowindex]")
        .ok()
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                .filter_map(|e| {
                    let index = e.get_attribute("aria-rowindex")?.parse::<usize>().ok()?;
                    Some((index.saturating_sub(2), e.get_bounding_client_rect()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Takes the drawn rows' mean height as the rows' height where it differs by more than a pixel
/// or two (each new height changes the spacers); whether it changed. Rows not laid out (a tab
/// not shown) measure nothing. The rows in view stay where they are when the spacer above them
/// changes: the browser's scroll anchoring moves the page by the difference.
fn measure(drawn: &[(usize, web_sys::DomRect)], place: &mut Place) -> bool {
    let (Some((_, first)), Some((_, last))) = (drawn.first(), drawn.last()) else {
        return false;
    };
    let measured = ((last.bottom() - first.top()) / drawn.len() as f64).round();
    if !(8.0..=2000.0).contains(&measured) {
        return false;
    }
    place.measured = true;
    if (measured - f64::from(place.row_px)).abs() <= 2.0 {
        return false;
    }
    place.row_px = measured as u32;
    true
}

/// Moves the window to the rows in view, and takes the drawn rows' height as the rows' height;
/// whether anything changed (the table is to be drawn again). The row at the top of the view is
/// found among the drawn rows where it is one of them (rows differ in height: a row with a
/// message is taller), and reckoned from the nearest drawn row by the rows' height where the
/// view is over a spacer.
fn follow_scroll(body: &NodeRef, place: &mut Place) -> bool {
    if place.held_for > FOCUS_GIVEN.with(std::cell::Cell::get) {
        return false;
    }
    let drawn = drawn_rows(body);
    let (Some((first_index, first_rect)), Some((last_index, last_rect))) =
        (drawn.first(), drawn.last())
    else {
        return false;
    };
    let mut changed = measure(&drawn, place);
    let px = f64::from(place.row_px.max(1));
    let in_view = if first_rect.top() > 0.0 {
        // The view's top is over the spacer above the drawn rows (or above the table).
        let over = (first_rect.top() / px).ceil() as usize;
        first_index.saturating_sub(over)
    } else if last_rect.bottom() <= 0.0 {
        // …or over the spacer below them.
        let past = (-last_rect.bottom() / px).floor() as usize;
        last_index.saturating_add(1).saturating_add(past)
    } else {
        drawn
            .iter()
            .find(|(_, r)| r.bottom() > 0.0)
            .map_or(*first_index, |(i, _)| *i)
    };
    let wanted = in_view.saturating_sub(MARGIN);
    // Moved only when the view nears the window's edge: a scroll of a few rows draws nothing.
    let half = MARGIN.checked_div(2).unwrap_or(0);
    if wanted.abs_diff(place.first) > half {
        place.first = wanted;
        changed = true;
    }
    changed
}

/// 在表中查找 above an indicator table: the indicators whose id or name holds the words typed,
/// through the whole document (rows not drawn, groups closed); Enter or 下一个 goes to the next
/// one (its groups opened, the window moved to it, its name focused).
#[function_component(TableFind)]
pub(crate) fn table_find() -> Html {
    let ctx = super::use_ctx();
    let lang = ctx.lang();
    let query = use_state(String::new);
    let at = use_state(|| 0usize);
    let found: Vec<String> = if query.trim().is_empty() {
        Vec::new()
    } else {
        let words = query.trim();
        let mut found = Vec::new();
        jixiao_core::walk_scored(&ctx.state.doc, &ctx.state.eval, &mut |scored| {
            if let jixiao_core::Scored::Leaf(leaf, _, _) = scored {
                if leaf.id.contains(words) || leaf.name.contains(words) {
                    found.push(leaf.id.clone());
                }
            }
        });
        found
    };
    let go = {
        let (found, at, send) = (found.clone(), at.clone(), ctx.send.clone());
        Callback::from(move |()| {
            let Some(id) = found.get(at.checked_rem(found.len()).unwrap_or(0)) else {
                return;
            };
            send.emit(crate::state::Action::Focus(jixiao_core::FieldPath::node(
                id,
                jixiao_core::NodeField::Name,
            )));
            at.set(at.saturating_add(1).checked_rem(found.len()).unwrap_or(0));
        })
    };
    let on_input = {
        let (query, at) = (query.clone(), at.clone());
        Callback::from(move |e: InputEvent| {
            query.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
            at.set(0);
        })
    };
    let on_key = {
        let go = go.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                go.emit(());
            }
        })
    };
    let count = if query.trim().is_empty() {
        String::new()
    } else if found.is_empty() {
        t(lang, "没有找到", "not found").to_string()
    } else {
        format!("{} {}", found.len(), t(lang, "个指标", "indicator(s)"))
    };
    html! {
        <div class="table-find">
            <label for="table-find">{ t(lang, "在表中查找", "Find in the table") }</label>
            <input id="table-find" type="search" data-testid="table-find" value={(*query).clone()}
                oninput={on_input} onkeydown={on_key} placeholder={t(lang, "指标名称或编号，Enter 跳到下一个", "indicator name or id; Enter goes to the next")} />
            <button type="button" class="small" data-testid="table-find-next" disabled={found.is_empty()}
                onclick={Callback::from(move |_: MouseEvent| go.emit(()))}>{ t(lang, "下一个", "Next") }</button>
            <span class="hint" data-testid="table-find-count" aria-live="polite">{ count }</span>
        </div>
    }
}
