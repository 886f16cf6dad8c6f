//! Long tables drawn a window at a time: above [`WINDOWED_ABOVE`] rows, a table draws the rows in
//! view plus [`MARGIN`] rows on each side, and one spacer row above and below them holds the
//! height of the rows not drawn, so that the scroll bar and the page's length stay those of the
//! whole table. The window follows the page's scrolling; a focus request (a finding clicked, a
//! paste running on) moves it to its row first, so that the row is drawn before it is focused.
//! Keyboard moves stay inside the drawn rows: the focused row is in view, and the margin holds the
//! next rows, which the browser scrolls in when they take the focus.

use gloo::events::EventListener;
use yew::prelude::*;

/// A table of more rows than this is drawn a window at a time.
pub(crate) const WINDOWED_ABOVE: usize = 300;

/// Rows drawn beyond the view, above and below.
const MARGIN: usize = 40;

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

    /// The height of `rows` rows not drawn.
    fn height(&self, rows: usize) -> String {
        let px = u64::try_from(rows)
            .unwrap_or(u64::MAX)
            .saturating_mul(u64::from(self.row_px));
        format!("height:{px}px")
    }

    /// The spacer row in place of the rows above the window (none when there are none).
    pub(crate) fn above(&self, columns: usize) -> Html {
        if self.first == 0 {
            return Html::default();
        }
        html! {
            <tr class="window-spacer" aria-hidden="true" style={self.height(self.first)}>
                <td colspan={columns.to_string()}></td>
            </tr>
        }
    }

    /// The spacer row in place of the rows below the window, carrying the path of the next row
    /// (`data-next-row`): a paste that runs past the window continues there.
    pub(crate) fn below(&self, columns: usize, next_row: Option<String>) -> Html {
        let hidden = self.total.saturating_sub(self.end);
        if hidden == 0 {
            return Html::default();
        }
        let colspan = columns.to_string();
        html! {
            <tr class="window-spacer" aria-hidden="true" data-next-row={next_row} style={self.height(hidden)}>
                <td colspan={colspan}></td>
            </tr>
        }
    }
}

/// The rows of a table of `total` rows to draw now. `body` is the table's `<tbody>`; `focus` a
/// focus request (its sequence number and the index of its row), which moves the window to its
/// row once.
#[hook]
pub(crate) fn use_window(body: NodeRef, total: usize, focus: Option<(u64, usize)>) -> Span {
    let first = use_state_eq(|| 0usize);
    let row_px = use_state_eq(|| FIRST_GUESS_PX);
    let served = use_mut_ref(|| 0u64);
    let view_px = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .map_or(900, |h| h.clamp(0.0, 100_000.0) as u32);
    // A focus request for a row outside the window moves the window there, in this render, so
    // that the row is drawn when the focus is given.
    let mut start = *first;
    if let Some((seq, row)) = focus {
        if seq != *served.borrow() {
            *served.borrow_mut() = seq;
            let span = Span::around(start, total, *row_px, view_px);
            if !span.contains(row) || row < span.first.saturating_add(MARGIN) {
                start = row.saturating_sub(MARGIN);
                first.set(start);
            }
        }
    }
    {
        let (body, first, row_px) = (body.clone(), first.clone(), row_px.clone());
        use_effect_with(total > WINDOWED_ABOVE, move |windowed| {
            let listeners = windowed.then(|| {
                let follow = move || follow_scroll(&body, &first, &row_px);
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
    if total <= WINDOWED_ABOVE {
        return Span::all(total);
    }
    Span::around(start, total, *row_px, view_px)
}

/// Moves the window to the rows in view, and takes the drawn rows' height as the rows' height.
fn follow_scroll(body: &NodeRef, first: &UseStateHandle<usize>, row_px: &UseStateHandle<u32>) {
    let Some(body) = body.cast::<web_sys::Element>() else {
        return;
    };
    let drawn = body
        .query_selector_all("tr[aria-rowindex]")
        .map(|l| l.length())
        .unwrap_or(0);
    let spacers: f64 = body
        .query_selector_all("tr.window-spacer")
        .ok()
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                .map(|e| e.get_bounding_client_rect().height())
                .sum()
        })
        .unwrap_or(0.0);
    let rect = body.get_bounding_client_rect();
    if drawn > 0 {
        let measured = ((rect.height() - spacers) / f64::from(drawn)).round();
        if (8.0..=2000.0).contains(&measured) {
            row_px.set(measured as u32);
        }
    }
    let px = f64::from((**row_px).max(1));
    let above = (-rect.top()).max(0.0);
    let in_view = (above / px).floor() as usize;
    let wanted = in_view.saturating_sub(MARGIN);
    // Moved only when the view nears the window's edge: a scroll of a few rows draws nothing.
    let drawn_from = **first;
    let half = MARGIN.checked_div(2).unwrap_or(0);
    if wanted.abs_diff(drawn_from) > half || in_view < drawn_from {
        first.set(wanted);
    }
}
