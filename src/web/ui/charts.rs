//! The report's charts drawn as SVG (no library, nothing fetched): the geometry is the core's
//! (`jixiao_core::chart`), one SVG element a mark. Every chart has a text alternative and shows
//! its figures as text, not only as lengths.

use jixiao_core::{coordinate, Chart, Mark, CHART_WIDTH};
use yew::prelude::*;

fn mark(mark: &Mark) -> Html {
    match mark {
        Mark::Text {
            x,
            y,
            class,
            strong,
            middle,
            text,
        } => html! {
            <text x={coordinate(*x)} y={coordinate(*y)} class={classes!(*class, strong.then_some("strong"))}
                text-anchor={middle.then_some("middle")}>{ text.clone() }</text>
        },
        Mark::Bar {
            x,
            y,
            width,
            height,
            class,
            title,
        } => html! {
            <rect x={coordinate(*x)} y={coordinate(*y)} width={coordinate(*width)} height={coordinate(*height)} class={*class}>
                if let Some(title) = title { <title>{ title.clone() }</title> }
            </rect>
        },
        Mark::Rule { x, y1, y2 } => html! {
            <line x1={coordinate(*x)} x2={coordinate(*x)} y1={coordinate(*y1)} y2={coordinate(*y2)} class="chart-rule" />
        },
    }
}

/// One chart as a figure with its caption.
pub(crate) fn figure(chart: &Chart) -> Html {
    html! {
        <figure class="chart">
            <svg role="img" aria-label={chart.label.clone()} width="100%"
                viewBox={format!("0 0 {} {}", coordinate(CHART_WIDTH), coordinate(chart.height))}>
                <title>{ chart.label.clone() }</title>
                { for chart.marks.iter().map(mark) }
            </svg>
            <figcaption>{ chart.caption.clone() }</figcaption>
        </figure>
    }
}
