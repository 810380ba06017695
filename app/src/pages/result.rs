//! The result page (docs/design.md §3.5): what to do first, where and by when. The state in words as the
//! `<h1>`, the call button when the card must be stopped, the steps in the engine's order (when to apply,
//! by when, where, the fee, a checklist), then the card and certificates, the timeline, the caveats and
//! "why?". Everything comes from `rules::guide`; `present` decides the wording, this module lays it out.
//!
//! The page is written as [`Node`]s, drawn by Leptos through one generic element (components/markup.rs):
//! a long page of many shapes costs the first view data, not a copy of rendering code per shape.

use chrono::NaiveDate;
use leptos::prelude::*;
use rules::open_day_before;
use rules::{Action, ActionId, Guidance, Where};

use super::keep_title;
use crate::components::markup::{draw_all, el, page_heading, Node};
use crate::components::parts::in_parts;
use crate::components::text::{dynamic, rich_view};
use crate::contacts::LOSS_LINE;
use crate::flow::route::Page;
use crate::flow::{Choice, Journey, MoveKind, Question};
use crate::i18n::format::{days_left, money};
use crate::i18n::rich::{plain, plain_text, Arg};
use crate::i18n::{words, Locale, Msg};
use crate::ics;
use crate::nav::go;
use crate::present::{self, Context, ObjectGroup, SourcePart, Step, COUNTDOWN_DAYS};
use crate::profile::{current_untracked, profile_view, Office, Profile};
use crate::state::{use_state, AppState};

fn date_arg(date: NaiveDate) -> Vec<(&'static str, Arg)> {
    vec![("date", Arg::Date(date))]
}

/// A row of a summary list: a label and its value (the `<dd>`).
fn row(label: Msg, value: Node) -> Node {
    el("div", "myna-summary__row").child(el("dt", "myna-summary__key").msg(label)).child(value)
}

fn dd() -> Node {
    el("dd", "myna-summary__value")
}

fn date_dd(date: NaiveDate) -> Node {
    dd().msg_with(Msg::CommonDate, date_arg(date))
}

/// A text of the page's language drawn by a function of the language (joined names, a count, a source).
fn in_language(text: impl Fn(Locale) -> String + Send + 'static) -> AnyView {
    let state = use_state();
    dynamic(move || {
        let locale = state.locale.get();
        rich_view(locale, &text(locale), &[])
    })
    .into_any()
}

/// Messages joined by the language's list separator (「、」, ", "), for names said together.
fn join_names(locale: Locale, names: &[Msg]) -> String {
    let texts: Vec<&str> = names.iter().map(|m| locale.raw(*m)).collect();
    texts.join(locale.raw(Msg::CommonListSeparator))
}

/// One group of the card and certificates: what they are, their status and dates, said once.
fn object_nodes(group: ObjectGroup) -> [Node; 2] {
    let names = group.names;
    let dates = [
        (Msg::ResultFieldEligibleFrom, group.eligible_from),
        (Msg::ResultFieldExpiresOn, group.expires_on),
        (Msg::ResultFieldRenewalOpensOn, group.renewal_opens_on),
        (Msg::ResultFieldLapsesOn, group.lapses_on),
    ];
    let rows = dates.into_iter().filter_map(|(label, date)| date.map(|d| row(label, date_dd(d))));
    [
        el("h3", "").view(in_language(move |locale| join_names(locale, &names))),
        el("dl", "myna-summary")
            .child(row(Msg::ResultFieldStatus, dd().msg(words::status(group.status))))
            .children(rows),
    ]
}

fn objects_nodes(g: &Guidance) -> Vec<Node> {
    let (groups, unknown) = present::objects(g);
    let mut nodes: Vec<Node> = groups.into_iter().flat_map(object_nodes).collect();
    if !unknown.is_empty() {
        nodes.push(el("p", "").view(in_language(move |locale| {
            locale.raw(Msg::ResultObjectsUnknown).replace("{names}", &join_names(locale, &unknown))
        })));
    }
    nodes
}

fn timeline_node(g: &Guidance, points: Vec<present::Point>) -> Node {
    let today = g.as_of;
    let items = points.into_iter().map(|point| {
        let labels = point.labels.into_iter().map(|label| {
            let span = el("span", "myna-timeline__label");
            match label.action.and_then(|id| g.actions.iter().find(|a| a.id == id)) {
                Some(a) => {
                    let (title, _) = present::action_texts(a.id, a.place);
                    span.msg_with(label.msg, vec![("action", Arg::Msg(title))])
                }
                None => span.msg(label.msg),
            }
        });
        let date = point.date;
        let days = (date - today).num_days();
        // 「あと47日」 within a year only: a count of thousands of days says nothing.
        let left = in_language(move |locale| {
            if days > COUNTDOWN_DAYS {
                String::new()
            } else if days < 0 {
                locale.raw(Msg::TimelinePast).to_owned()
            } else {
                days_left(locale, today, date).unwrap_or_default()
            }
        });
        let item = el("li", "myna-timeline__item")
            .child(el("span", "myna-timeline__date").msg_with(Msg::CommonDate, date_arg(date)))
            .child(el("span", "myna-timeline__labels").children(labels))
            .child(el("span", "myna-timeline__left").view(left));
        if date < today {
            item.attr("data-past", "true")
        } else {
            item
        }
    });
    el("ol", "myna-timeline").children(items)
}

/// A link to a city's page, opened in a new tab (the guide may be framed by the city's page; the citizen
/// keeps their result), and said so.
fn external_link(locale: Locale, href: &str, text: &str, args: &[(&'static str, Arg)]) -> Node {
    el("a", "")
        .attr_owned("href", href.to_owned())
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
        .view(rich_view(locale, text, args))
        // Its own element so that paper, where no tab opens, leaves it out (main.css, print).
        .child(el("span", "myna-newtab").msg(Msg::CommonNewTab))
}

/// One office of the profile: name, address, phone as a `tel:` link (with what it reaches), hours and its
/// page (each when given).
fn office_node(locale: Locale, o: &Office) -> Node {
    let line = |text: Option<&str>| text.map(|x| el("span", "myna-office__line").view(rich_view(locale, x, &[])));
    let phone = o.phone.clone().map(|p| {
        let mut args = vec![("phone", Arg::Phone(p))];
        let msg = match &o.phone_label {
            Some(label) => {
                args.push(("label", Arg::Text(label.get(locale).to_owned())));
                Msg::OfficePhoneLabelled
            }
            None => Msg::OfficePhone,
        };
        el("span", "myna-office__line").view(rich_view(locale, locale.raw(msg), &args))
    });
    let page = o
        .url
        .as_deref()
        .map(|url| el("span", "myna-office__line").child(external_link(locale, url, locale.raw(Msg::OfficePage), &[])));
    el("li", "myna-office")
        .child(el("span", "myna-office__name").view(rich_view(locale, o.name.get(locale), &[])))
        .children(line(o.address.as_ref().map(|x| x.get(locale))))
        .children(phone)
        .children(line(o.hours.as_ref().map(|x| x.get(locale))))
        .children(page)
}

/// The offices a step at this city's offices names: the chosen ward's, else those of the kind (a city
/// without wards to choose from, or a kind other than the ward office).
fn offices_for<'a>(p: &'a Profile, kind: &'a str, ward: Option<&str>) -> Vec<&'a Office> {
    let chosen: Vec<&Office> = p.wards().filter(|o| Some(o.id.as_str()) == ward).collect();
    match (kind, chosen.is_empty(), p.wards().next().is_some()) {
        ("ward_office", false, _) => chosen,
        // The wards are listed once, after the steps, until the citizen says theirs.
        ("ward_office", true, true) => Vec::new(),
        _ => p.offices_of(kind).collect(),
    }
}

/// Where a step is done: the place in words, then, at this city's offices, the profile's office for the
/// citizen's ward (docs/design.md §6.2), with a note when the profile could not be had.
fn place_dd(place: Where, words: Msg, city_office: bool) -> Node {
    let kind = match place {
        Where::WardOffice => "ward_office",
        Where::ConvenienceStore => "convenience_store",
        Where::Phone => "phone",
        Where::Police => "police",
    };
    let ward = use_state().ward;
    let view = profile_view(Box::new(move |locale, p| {
        let mut nodes = vec![el("span", "").view(rich_view(locale, locale.raw(words), &[]))];
        let offices: Vec<Node> = match (p.profile(), city_office) {
            (Some(pr), true) => {
                ward.with(|w| offices_for(pr, kind, w.as_deref())).into_iter().map(|o| office_node(locale, o)).collect()
            }
            _ => Vec::new(),
        };
        if !offices.is_empty() {
            nodes.push(el("ul", "myna-offices").children(offices));
        }
        if city_office && p.is_missing() {
            nodes.push(el("span", "myna-office__missing").view(rich_view(
                locale,
                locale.raw(Msg::ProfileMissing),
                &[],
            )));
        }
        draw_all(nodes)
    }));
    dd().view(view.into_any())
}

/// What the city says of a step done at its offices: its page for the procedure and its note (booking,
/// hours), from the profile's `links` and `notes`.
fn city_nodes(a: &Action, ctx: Context) -> Option<Node> {
    if !present::at_city_office(a, ctx) {
        return None;
    }
    let key = present::action_key(a.id);
    let view = profile_view(Box::new(move |locale, p| {
        let Some(pr) = p.profile() else { return ().into_any() };
        let note = pr.note(key).map(|n| el("p", "myna-step__note").view(rich_view(locale, n.get(locale), &[])));
        let link = pr.link(key).map(|href| {
            let city = vec![("city", Arg::Text(p.city(locale)))];
            el("p", "myna-step__link").child(external_link(locale, href, locale.raw(Msg::ResultStepCityPage), &city))
        });
        draw_all(note.into_iter().chain(link).collect())
    }));
    Some(el("div", "myna-step__city").view(view.into_any()))
}

/// The ward chooser (optional, asked once for the visit): shown when a step is at this city's offices and
/// the profile names its wards. Not printed: the chosen office is on the steps.
fn ward_chooser(g: &Guidance, ctx: Context) -> Option<Node> {
    if !g.actions.iter().any(|a| present::at_city_office(a, ctx)) {
        return None;
    }
    let ward = use_state().ward;
    let view = profile_view(Box::new(move |locale, p| {
        let Some(pr) = p.profile().filter(|pr| pr.wards().next().is_some()) else { return ().into_any() };
        let chosen = ward.get_untracked();
        let option = |value: &str, text: String| {
            let o = el("option", "").attr_owned("value", value.to_owned()).raw(text);
            if chosen.as_deref() == Some(value) || (value.is_empty() && chosen.is_none()) {
                o.attr("selected", "")
            } else {
                o
            }
        };
        let options = std::iter::once(option("", plain(locale, Msg::ResultWardUnknown, &[]))).chain(
            pr.wards().map(|o| option(&o.id, plain_text(locale, o.ward.as_ref().map_or("", |w| w.get(locale)), &[]))),
        );
        el("div", "myna-field myna-ward myna-noprint")
            .child(el("label", "myna-label").attr("for", "ward").msg(Msg::ResultWardLabel))
            .child(el("p", "myna-hint").attr("id", "ward-hint").msg(Msg::ResultWardHint))
            .child(
                el("select", "myna-select")
                    .attr("id", "ward")
                    .attr("aria-describedby", "ward-hint")
                    .children(options)
                    .on("change", move |ev| {
                        let id = event_target_value(&ev);
                        ward.set((!id.is_empty()).then_some(id));
                    }),
            )
            .draw()
    }));
    Some(el("div", "").view(view.into_any()))
}

/// Every ward's office, once, after the steps, while the citizen has not said their ward.
fn ward_offices(g: &Guidance, ctx: Context) -> Option<Node> {
    if !g.actions.iter().any(|a| present::at_city_office(a, ctx)) {
        return None;
    }
    let ward = use_state().ward;
    let view = profile_view(Box::new(move |locale, p| {
        let Some(pr) = p.profile() else { return ().into_any() };
        if ward.with(Option::is_some) || pr.wards().next().is_none() {
            return ().into_any();
        }
        draw_all(vec![
            el("h2", "").msg(Msg::ResultOfficesHeading),
            el("ul", "myna-offices").children(pr.wards().map(|o| office_node(locale, o))),
        ])
    }));
    Some(el("div", "").view(view.into_any()))
}

/// The deadline in words: now, a date, or none (as soon as possible).
fn by_dd(by: Option<NaiveDate>, today: NaiveDate) -> Node {
    match by {
        Some(d) if d == today => dd().msg_with(Msg::ActionByToday, date_arg(d)),
        Some(d) => date_dd(d),
        None => dd().msg(Msg::ActionByNone),
    }
}

fn fee_row(yen: u32) -> Node {
    row(Msg::ActionFee, dd().view(in_language(move |locale| money(locale, yen))))
}

/// A deadline on a day the offices are closed: the day, why, and the open day before it to go by
/// (docs/rules.md §3.7: the engine never moves the date; the guide says when to go instead).
fn closed_node(a: &Action, today: NaiveDate) -> Option<Node> {
    let reason = present::closed_reason(a)?;
    let by = a.by?;
    let open = open_day_before(by).filter(|open| *open >= today);
    let mut args = vec![("date", Arg::Date(by)), ("reason", Arg::Msg(reason))];
    let msg = match open {
        Some(open) => {
            args.push(("open", Arg::Date(open)));
            Msg::ResultStepClosed
        }
        None => Msg::ResultStepClosedSoon,
    };
    Some(el("p", "myna-step__closed").msg_with(msg, args))
}

/// What to bring, as a checklist; nothing when there is nothing to bring (docs/design.md §3.5 item 2).
fn documents_node(index: usize, a: &Action) -> Option<Node> {
    (!a.documents.is_empty()).then(|| {
        let boxes = a.documents.iter().enumerate().map(|(j, doc)| {
            let id = format!("step-{index}-document-{j}");
            el("div", "myna-checkbox")
                .child(el("input", "myna-checkbox__input").attr("type", "checkbox").attr_owned("id", id.clone()))
                .child(el("label", "myna-checkbox__label").attr_owned("for", id).msg(words::document(*doc)))
        });
        el("fieldset", "myna-fieldset myna-documents")
            .child(el("legend", "myna-legend myna-legend--small").msg(Msg::ActionDocuments))
            .children(boxes)
    })
}

/// The 24-hour line, for the steps' texts that name it. (Their figures, `{filing_days}` and the like, are
/// filled from the engine's table in force today by `i18n::figures`.)
fn phone() -> Vec<(&'static str, Arg)> {
    vec![("phone", Arg::Phone(LOSS_LINE.to_owned()))]
}

fn notes_nodes(a: &Action, ctx: Context) -> Vec<Node> {
    present::notes(a, ctx).into_iter().map(|note| el("p", "myna-step__note").msg_with(note, phone())).collect()
}

fn where_row(a: &Action, ctx: Context) -> Node {
    row(Msg::ActionWhere, place_dd(a.place, present::place_of(a, ctx), present::at_city_office(a, ctx)))
}

fn step_item(index: usize, title: Msg) -> Node {
    el("li", "myna-action").attr_owned("id", format!("step-{index}")).child(el("h3", "myna-action__title").msg(title))
}

/// One action as a step: what, when to apply, by when, where, the fee, notes and what to bring.
fn action_step(index: usize, a: &Action, ctx: Context, today: NaiveDate) -> Node {
    let title = present::action_texts(a.id, a.place).0;
    let body = present::step_body(a, ctx);
    let apply_by = a
        .apply_by
        .map(|d| el("p", "myna-step__apply-by").child(el("strong", "").msg_with(Msg::ResultStepApplyBy, date_arg(d))));
    // The day it opens, while it is ahead: once open, "from" a past day only delays what to do now.
    let summary = el("dl", "myna-summary")
        .children(a.from.filter(|d| *d > today).map(|d| row(Msg::ActionFrom, date_dd(d))))
        .child(row(Msg::ActionBy, by_dd(a.by, today)))
        .child(where_row(a, ctx))
        .children(a.fee_yen.map(fee_row));
    step_item(index, title)
        .children(apply_by)
        .child(el("p", "").msg_with(body, phone()))
        .children(notes_nodes(a, ctx))
        .child(summary)
        .children(city_nodes(a, ctx))
        .children(closed_node(a, today))
        .children(documents_node(index, a))
}

/// The rapid and the normal reissue as one step with two options (docs/rules.md §9): the fast one by its date
/// and dearer, the normal one in about a month; one place and one checklist.
fn reissue_step(index: usize, rapid: &Action, normal: &Action, ctx: Context, today: NaiveDate) -> Node {
    let option = |label: Msg, a: &Action| {
        let (_, body) = present::action_texts(a.id, a.place);
        el("li", "myna-option")
            .child(el("h4", "myna-option__title").msg(label))
            .child(el("p", "").msg_with(body, phone()))
            .child(
                el("dl", "myna-summary")
                    .children(a.by.map(|d| row(Msg::ActionBy, by_dd(Some(d), today))))
                    .children(a.fee_yen.map(fee_row)),
            )
            .children(closed_node(a, today))
    };
    let (title, _) = present::action_texts(ActionId::ApplyReissue, normal.place);
    step_item(index, title)
        .child(el("p", "").msg(Msg::ResultStepOptions))
        .child(
            el("ul", "myna-options")
                .child(option(Msg::ResultOptionRapid, rapid))
                .child(option(Msg::ResultOptionNormal, normal)),
        )
        .children(notes_nodes(normal, ctx))
        .child(el("dl", "myna-summary").child(where_row(normal, ctx)))
        .children(city_nodes(normal, ctx))
        .children(documents_node(index, normal))
}

/// Extending the stay, before renewing a card that ends with it (a step of the guide, not of the engine).
fn extend_stay_step(index: usize) -> Node {
    step_item(index, Msg::ResultStepExtendStayTitle)
        .child(el("p", "").msg(Msg::ResultStepExtendStayBody))
        .child(el("dl", "myna-summary").child(row(Msg::ActionWhere, dd().msg(Msg::ResultStepExtendStayWhere))))
}

fn steps_node(g: &Guidance, ctx: Context) -> Node {
    let steps = present::steps(g);
    if steps.is_empty() {
        return el("p", "").msg(Msg::ResultNone);
    }
    let items = steps.into_iter().enumerate().map(|(i, step)| match step {
        Step::Action(a) => action_step(i, a, ctx, g.as_of),
        Step::Reissue { rapid, normal } => reissue_step(i, rapid, normal, ctx, g.as_of),
        Step::ExtendStay => extend_stay_step(i),
    });
    el("ol", "myna-actions").children(items)
}

/// The full-width call button when the card must be stopped (docs/design.md §3.5 item 1): the 24-hour line.
fn call_banner(g: &Guidance) -> Option<Node> {
    g.actions.iter().any(|a| a.id == ActionId::SuspendCard).then(|| {
        let number = vec![("phone", Arg::Text(LOSS_LINE.to_owned()))];
        el("div", "myna-call")
            .child(
                el("a", "myna-button myna-call__button")
                    .attr_owned("href", format!("tel:{LOSS_LINE}"))
                    .msg_with(Msg::ResultCallButton, number),
            )
            .child(el("p", "myna-call__hours").msg(Msg::ResultCallHours))
    })
}

/// 「出典」 in words, in the page's language (docs/design.md §3.5 item 5): the leaflet's sections, the laws
/// as written (Japanese, marked as such on English pages), the guide's own reading.
fn source_text(locale: Locale, source: &str) -> String {
    let japanese_digits = locale != Locale::En;
    let parts: Vec<String> = present::source_parts(source)
        .into_iter()
        .map(|part| match part {
            SourcePart::Leaflet(sections) => {
                let sections: Vec<String> = sections
                    .iter()
                    .map(|s| {
                        s.chars()
                            .map(|c| match c.to_digit(10) {
                                // ５①: the leaflet's own numbering, in full-width digits on Japanese pages.
                                Some(n) if japanese_digits => char::from_u32(0xFF10 + n).unwrap_or(c),
                                _ => c,
                            })
                            .collect()
                    })
                    .collect();
                let sections = sections.join(locale.raw(Msg::CommonListSeparator));
                locale.raw(Msg::SourceLeaflet).replace("{sections}", &sections)
            }
            SourcePart::Law { name, analogy } => {
                let mut text = if locale == Locale::En { format!("[[{name}]]") } else { name.to_owned() };
                if analogy {
                    text.push_str(locale.raw(Msg::SourceByAnalogy));
                }
                text
            }
            SourcePart::Guide => locale.raw(Msg::SourceGuide).to_owned(),
        })
        .collect();
    locale.raw(Msg::SourceLine).replace("{source}", &parts.join(locale.raw(Msg::CommonListSeparator)))
}

fn why_nodes(g: &Guidance, printing: RwSignal<bool>) -> Vec<Node> {
    present::rules_named(g)
        .into_iter()
        .map(|(rule, source)| {
            details(printing)
                .child(el("summary", "").msg(words::why(rule)))
                .child(el("p", "").view(in_language(move |locale| source_text(locale, &source))))
        })
        .collect()
}

/// Builds the calendar file and offers it as `mynumber-YYYYMMDD.ics` (docs/design.md §3.6).
fn save_calendar(g: &Guidance, ctx: Context, locale: Locale, today: NaiveDate) {
    let (domain, owner) = current_untracked().calendar_id();
    let text = ics::calendar(g, ctx, locale, domain, owner, today);
    #[cfg(target_arch = "wasm32")]
    ics::download(&ics::file_name(today), &text);
    #[cfg(not(target_arch = "wasm32"))]
    drop(text);
}

/// Follows `beforeprint` and `afterprint` while the page is shown: paper shows every "why?" disclosure
/// open (docs/design.md §3.6), and the screen gets back the ones the citizen had opened.
fn printing_signal() -> RwSignal<bool> {
    let printing = RwSignal::new(false);
    let before = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    printing
}

/// A `<details>` open when the citizen opened it, or while printing.
fn details(printing: RwSignal<bool>) -> Node {
    let opened = RwSignal::new(false);
    el("details", "myna-why").reactive_attr("open", move || (opened.get() || printing.get()).then(String::new)).on(
        "toggle",
        move |ev| {
            use wasm_bindgen::JsCast;
            // The toggles that printing causes are not the citizen's.
            if printing.get_untracked() {
                return;
            }
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                opened.set(d.open());
            }
        },
    )
}

fn secondary_button() -> Node {
    el("button", "myna-button myna-button--secondary").attr("type", "button")
}

fn result_view(state: AppState, journey: Journey, g: Guidance, ctx: Context) -> AnyView {
    let (heading, heading_date) = present::heading(&g);
    let as_of = g.as_of;
    let insurance = g
        .health_insurance_usable_until
        .filter(|d| *d >= as_of)
        .map(|d| el("p", "myna-notice").msg_with(Msg::ResultInsurance, date_arg(d)));
    let listed: Vec<Node> = present::listed_caveats(&g).map(|id| el("li", "").msg(words::caveat(id))).collect();
    let caveats = (!listed.is_empty())
        .then(|| [el("h2", "").msg(Msg::ResultSectionCaveats), el("ul", "myna-caveats").children(listed)]);
    let as_of_line = profile_view(Box::new(move |locale, p| {
        let args = [("date", Arg::Date(as_of)), ("city", Arg::Text(p.city(locale)))];
        rich_view(locale, locale.raw(Msg::ResultAsOf), &args)
    }));
    // Only when some date is still ahead: a file with no event would be of no use.
    let calendar = (!ics::events(&g, as_of).is_empty()).then(|| {
        let g = g.clone();
        secondary_button()
            .msg(Msg::ResultCalendar)
            .on("click", move |_| save_calendar(&g, ctx, state.locale.get_untracked(), as_of))
    });
    let restart = move |_| {
        state.answers.update(|a| a.clear());
        state.changing.set(false);
        go(state, Page::Start);
    };
    let printing = printing_signal();

    // Drawn in parts, one task and one frame each (components/parts.rs): what to do first.
    let first =
        vec![page_heading().msg_with(heading, heading_date.map(date_arg).unwrap_or_default())]
            .into_iter()
            .chain(call_banner(&g))
            .chain(g.card.is_none().then(|| el("p", "").msg(Msg::ResultNoCardBody)))
            .chain([el("h2", "").msg(Msg::ResultSectionActions)])
            .chain(ward_chooser(&g, ctx))
            .chain([steps_node(&g, ctx)])
            .chain(ward_offices(&g, ctx))
            .chain((journey == Journey::Pin).then(|| {
                el("p", "").child(el("a", "").attr_owned("href", Page::Password.hash()).msg(Msg::TaskPassword))
            }))
            .collect();
    let mut objects = vec![el("h2", "").msg(Msg::ResultSectionObjects)];
    objects.extend(objects_nodes(&g));
    objects.extend(insurance);
    // On paper the steps and the card's dates say it all: the timeline would repeat them. A timeline of today
    // alone is none (present::timeline).
    let points = present::timeline(&g);
    let timeline = if points.is_empty() {
        Vec::new()
    } else {
        let list = timeline_node(&g, points);
        vec![el("h2", "myna-noprint").msg(Msg::ResultSectionTimeline), el("div", "myna-noprint").child(list)]
    };
    let buttons = el("div", "myna-buttons")
        .child(secondary_button().msg(Msg::ResultPrint).on("click", |_| {
            let _ = window().print();
        }))
        .children(calendar)
        .child(
            el("a", "myna-button myna-button--secondary")
                .attr_owned("href", Page::Check(journey).hash())
                .msg(Msg::ResultChange),
        )
        .child(secondary_button().msg(Msg::CommonStartAgain).on("click", restart));
    let mut end: Vec<Node> = caveats.into_iter().flatten().collect();
    end.push(el("h2", "").msg(Msg::ResultSectionWhy));
    end.extend(why_nodes(&g, printing));
    end.push(el("p", "myna-hint myna-as-of").view(as_of_line.into_any()));
    end.push(buttons);
    end.push(
        el("p", "myna-noprint").child(el("a", "").attr_owned("href", Page::Start.hash()).msg(Msg::ResultOtherTask)),
    );
    in_parts(vec![draw_all(first), draw_all(objects), draw_all(timeline), draw_all(end)])
}

#[component]
pub fn ResultPage(journey: Journey) -> impl IntoView {
    let state = use_state();
    keep_title(state, Msg::ResultSectionActions, Signal::derive(|| false));
    let situation = state.answers.with_untracked(|a| journey.situation(a, state.today));
    let moving_out = state.answers.with_untracked(|a| a.is(Question::MoveKind, Choice::Move(MoveKind::OutOfCity)));
    match rules::guide(&situation) {
        Ok(g) => {
            let ctx = Context::of(&situation, &g, moving_out);
            result_view(state, journey, g, ctx)
        }
        // The check page only comes here with guidance; a changed answer since is sent back there.
        Err(_) => {
            el("p", "").child(el("a", "").attr_owned("href", Page::Check(journey).hash()).msg(Msg::ResultChange)).draw()
        }
    }
}
