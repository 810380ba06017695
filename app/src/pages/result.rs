//! The result page (design.md §3.5): the state in words, the most urgent action, the card and
//! certificates, the timeline, what to do (soonest deadline first) with fees, places and a
//! checklist, the caveats, and "why?". Everything comes from `rules::guide`.

use chrono::NaiveDate;
use leptos::prelude::*;
use rules::contract::{Action, CardGuidance, CertificateGuidance, Guidance, Where};

use super::keep_title;
use crate::components::parts::in_parts;
use crate::components::text::{dynamic, rich_view, t, t_with};
use crate::contacts::LOSS_LINE;
use crate::flow::route::Page;
use crate::flow::Journey;
use crate::i18n::format::{days_left, money};
use crate::i18n::rich::Arg;
use crate::i18n::{Locale, Msg};
use crate::ics;
use crate::nav::go;
use crate::present;
use crate::profile::{current_untracked, profile_view, Office};
use crate::state::{use_state, AppState};

fn date_arg(date: NaiveDate) -> Vec<(&'static str, Arg)> {
    vec![("date", Arg::Date(date))]
}

/// A row of the card or certificate table: label and value (a date, a status or 「わからない」).
fn row(label: Msg, value: AnyView) -> impl IntoView {
    view! {
        <div class="myna-summary__row">
            <dt class="myna-summary__key">{t(label)}</dt>
            <dd class="myna-summary__value">{value}</dd>
        </div>
    }
}

fn date_value(date: Option<NaiveDate>) -> AnyView {
    match date {
        Some(d) => t_with(Msg::CommonDate, date_arg(d)).into_any(),
        None => t(Msg::ResultFieldUnknown).into_any(),
    }
}

fn card_view(card: CardGuidance) -> impl IntoView {
    view! {
        <h3>{t(Msg::ResultObjectCard)}</h3>
        <dl class="myna-summary">
            {row(Msg::ResultFieldStatus, t(present::status(card.status)).into_any())}
            {row(Msg::ResultFieldExpiresOn, date_value(card.expires_on))}
            {card.renewal_opens_on.map(|d| row(Msg::ResultFieldRenewalOpensOn, date_value(Some(d))))}
            {card.lapses_on.map(|d| row(Msg::ResultFieldLapsesOn, date_value(Some(d))))}
        </dl>
    }
}

fn certificate_view(title: Msg, c: CertificateGuidance) -> impl IntoView {
    view! {
        <h3>{t(title)}</h3>
        <dl class="myna-summary">
            {row(Msg::ResultFieldStatus, t(present::status(c.status)).into_any())}
            {c.eligible_from.map(|d| row(Msg::ResultFieldEligibleFrom, date_value(Some(d))))}
            {c.eligible_from.is_none().then(|| row(Msg::ResultFieldExpiresOn, date_value(c.expires_on)))}
            {c.renewal_opens_on.map(|d| row(Msg::ResultFieldRenewalOpensOn, date_value(Some(d))))}
        </dl>
    }
}

fn timeline_view(state: AppState, g: &Guidance) -> impl IntoView {
    let today = g.as_of;
    let actions = g.actions.clone();
    let items = present::timeline(g)
        .into_iter()
        .map(|point| {
            let label = match point.action.and_then(|id| actions.iter().find(|a| a.id == id)) {
                Some(a) => {
                    let (title, _) = present::action_texts(a.id, a.place);
                    t_with(point.label, vec![("action", Arg::Msg(title))]).into_any()
                }
                None => t(point.label).into_any(),
            };
            let left = dynamic(move || {
                let locale = state.locale.get();
                let text = days_left(locale, today, point.date).unwrap_or_else(|| {
                    if point.date < today {
                        locale.raw(Msg::TimelinePast).to_owned()
                    } else {
                        String::new()
                    }
                });
                rich_view(locale, &text, &[])
            });
            view! {
                <li class="myna-timeline__item" data-past=(point.date < today).then_some("true")>
                    <span class="myna-timeline__date">{t_with(Msg::CommonDate, date_arg(point.date))}</span>
                    <span class="myna-timeline__label">{label}</span>
                    <span class="myna-timeline__left">{left}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="myna-timeline">{items}</ol> }
}

/// One office of the profile: name, address, phone as a `tel:` link, hours (each when given).
fn office_view(locale: Locale, o: &Office) -> impl IntoView {
    let line =
        |text: Option<&str>| text.map(|x| view! { <span class="myna-office__line">{rich_view(locale, x, &[])}</span> });
    let phone = o.phone.clone().map(|p| {
        view! {
            <span class="myna-office__line">
                {rich_view(locale, locale.raw(Msg::OfficePhone), &[("phone", Arg::Phone(p))])}
            </span>
        }
    });
    view! {
        <li class="myna-office">
            <span class="myna-office__name">{rich_view(locale, o.name.get(locale), &[])}</span>
            {line(o.address.as_ref().map(|x| x.get(locale)))}
            {phone}
            {line(o.hours.as_ref().map(|x| x.get(locale)))}
        </li>
    }
}

/// Where an action is done: the engine's place in words, then the profile's offices of that kind
/// (design.md §6.2); at the ward office, a note when the profile could not be had.
fn place_view(place: Where) -> impl IntoView {
    let kind = match place {
        Where::WardOffice => "ward_office",
        Where::ConvenienceStore => "convenience_store",
        Where::Phone => "phone",
        Where::Police => "police",
    };
    profile_view(Box::new(move |locale, p| {
        let mut offices = Vec::new();
        if let Some(pr) = p.profile() {
            for o in pr.offices_of(kind) {
                offices.push(office_view(locale, o));
            }
        }
        let offices = (!offices.is_empty()).then(|| view! { <ul class="myna-offices">{offices}</ul> });
        let missing = (place == Where::WardOffice && p.is_missing()).then(|| {
            let text = rich_view(locale, locale.raw(Msg::ProfileMissing), &[]);
            view! { <span class="myna-office__missing">{text}</span> }
        });
        view! {
            {rich_view(locale, locale.raw(present::place(place)), &[])}
            {offices}
            {missing}
        }
        .into_any()
    }))
}

/// Builds the calendar file and offers it as `mynumber-YYYYMMDD.ics` (design.md §3.6).
fn save_calendar(g: &Guidance, locale: Locale, today: NaiveDate) {
    let (domain, owner) = current_untracked().calendar_id();
    let text = ics::calendar(g, locale, domain, owner, today);
    #[cfg(target_arch = "wasm32")]
    ics::download(&ics::file_name(today), &text);
    #[cfg(not(target_arch = "wasm32"))]
    drop(text);
}

/// Marks the `<details>` that `beforeprint` opened, so that `afterprint` closes those alone.
const PRINT_OPENED: &str = "data-myna-print-open";

/// Opens every closed `<details>` of the page for printing, or closes again those it opened.
fn details_for_print(printing: bool) {
    let all = document().get_elements_by_tag_name("details");
    for i in 0..all.length() {
        let Some(element) = all.item(i) else { continue };
        if printing && !element.has_attribute("open") {
            let _ = element.set_attribute("open", "");
            let _ = element.set_attribute(PRINT_OPENED, "");
        } else if !printing && element.has_attribute(PRINT_OPENED) {
            let _ = element.remove_attribute("open");
            let _ = element.remove_attribute(PRINT_OPENED);
        }
    }
}

/// `beforeprint` opens the "why?" disclosures so that paper shows them; `afterprint` restores
/// them. The listeners go with the page.
fn open_details_when_printing() {
    let before = window_event_listener_untyped("beforeprint", |_| details_for_print(true));
    let after = window_event_listener_untyped("afterprint", |_| details_for_print(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

fn action_view(index: usize, a: Action, today: NaiveDate) -> impl IntoView {
    let (title, body) = present::action_texts(a.id, a.place);
    let by = match a.by {
        Some(d) if d == today => t_with(Msg::ActionByToday, date_arg(d)).into_any(),
        Some(d) => t_with(Msg::CommonDate, date_arg(d)).into_any(),
        None => t(Msg::ActionByNone).into_any(),
    };
    let weekend =
        a.by.filter(|d| present::on_weekend(*d)).map(|_| view! { <p class="myna-hint">{t(Msg::ActionWeekend)}</p> });
    let fee = a.fee_yen.map(|yen| {
        let state = use_state();
        let text = dynamic(move || {
            let locale = state.locale.get();
            rich_view(locale, &money(locale, yen), &[])
        });
        view! {
            <div class="myna-summary__row">
                <dt class="myna-summary__key">{t(Msg::ActionFee)}</dt>
                <dd class="myna-summary__value">{text}</dd>
            </div>
        }
    });
    let documents = (!a.documents.is_empty()).then(|| {
        let boxes = a
            .documents
            .iter()
            .enumerate()
            .map(|(j, doc)| {
                let id = format!("action-{index}-document-{j}");
                view! {
                    <div class="myna-checkbox">
                        <input class="myna-checkbox__input" type="checkbox" id=id.clone() />
                        <label class="myna-checkbox__label" for=id>{t(present::document(*doc))}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="myna-fieldset myna-documents">
                <legend class="myna-legend myna-legend--small">{t(Msg::ActionDocuments)}</legend>
                {boxes}
            </fieldset>
        }
    });
    view! {
        <li class="myna-action" id=format!("action-{index}")>
            <h3 class="myna-action__title">{t(title)}</h3>
            <p>{t_with(body, vec![("phone", Arg::Phone(LOSS_LINE.to_owned()))])}</p>
            <dl class="myna-summary">
                {a.from.map(|d| row(Msg::ActionFrom, t_with(Msg::CommonDate, date_arg(d)).into_any()))}
                {row(Msg::ActionBy, by)}
                {row(Msg::ActionWhere, place_view(a.place).into_any())}
                {fee}
            </dl>
            {weekend}
            {documents}
        </li>
    }
}

fn result_view(state: AppState, journey: Journey, g: Guidance) -> impl IntoView {
    let (heading, heading_date) = present::heading(journey, &g);
    let heading_args = heading_date.map(date_arg).unwrap_or_default();
    let urgent = g.actions.first().map(|a| {
        let (title, _) = present::action_texts(a.id, a.place);
        let view = match a.by {
            Some(by) => {
                t_with(Msg::ResultUrgentBy, vec![("action", Arg::Msg(title)), ("date", Arg::Date(by))]).into_any()
            }
            None => t_with(Msg::ResultUrgent, vec![("action", Arg::Msg(title))]).into_any(),
        };
        view! { <p class="myna-banner" role="note">{view}</p> }
    });
    let objects = view! {
        {g.card.clone().map(card_view)}
        {g.user_certificate.clone().map(|c| certificate_view(Msg::ResultObjectUser, c))}
        {g.signature_certificate.clone().map(|c| certificate_view(Msg::ResultObjectSignature, c))}
    };
    let insurance = g
        .health_insurance_usable_until
        .filter(|d| *d >= g.as_of)
        .map(|d| view! { <p class="myna-notice">{t_with(Msg::ResultInsurance, date_arg(d))}</p> });
    let actions = if g.actions.is_empty() {
        view! { <p>{t(Msg::ResultNone)}</p> }.into_any()
    } else {
        let items = g.actions.clone().into_iter().enumerate().map(|(i, a)| action_view(i, a, g.as_of)).collect_view();
        view! { <ol class="myna-actions">{items}</ol> }.into_any()
    };
    let caveats = (!g.caveats.is_empty()).then(|| {
        let items = g.caveats.iter().map(|c| view! { <li>{t(present::caveat(c.id))}</li> }).collect_view();
        view! {
            <h2>{t(Msg::ResultSectionCaveats)}</h2>
            <ul class="myna-caveats">{items}</ul>
        }
    });
    let why = present::rules_named(&g)
        .into_iter()
        .map(|(rule, source)| {
            view! {
                <details class="myna-why">
                    <summary>{t(present::why(rule))}</summary>
                    <p lang="ja">{t_with(Msg::WhySource, vec![("source", Arg::Text(source))])}</p>
                </details>
            }
        })
        .collect_view();
    let no_card = (g.card.is_none() && journey == Journey::Expiry).then(|| view! { <p>{t(Msg::ResultNoCardBody)}</p> });
    let restart = move |_| {
        state.answers.update(|a| a.clear());
        state.changing.set(false);
        go(state, Page::Start);
    };
    let as_of = g.as_of;
    let as_of_line = profile_view(Box::new(move |locale, p| {
        let args = [("date", Arg::Date(as_of)), ("city", Arg::Text(p.city(locale)))];
        rich_view(locale, locale.raw(Msg::ResultAsOf), &args)
    }));
    // Only when some date is still ahead: a file with no event would be of no use.
    let calendar = (!ics::events(&g, as_of).is_empty()).then(|| {
        let g = g.clone();
        view! {
            <button
                class="myna-button myna-button--secondary"
                type="button"
                on:click=move |_| save_calendar(&g, state.locale.get_untracked(), as_of)
            >
                {t(Msg::ResultCalendar)}
            </button>
        }
    });
    open_details_when_printing();
    // Drawn in parts, one task and one frame each (components/parts.rs): what matters most first.
    let heading = view! {
        <h1 class="myna-heading" tabindex="-1">{t_with(heading, heading_args)}</h1>
        {urgent}
        {no_card}
    };
    let objects = view! {
        <h2>{t(Msg::ResultSectionObjects)}</h2>
        {objects}
        {insurance}
    };
    let timeline = view! {
        <h2>{t(Msg::ResultSectionTimeline)}</h2>
        {timeline_view(state, &g)}
    };
    let actions = view! {
        <h2>{t(Msg::ResultSectionActions)}</h2>
        {actions}
        {(journey == Journey::Pin).then(|| view! { <p><a href=Page::Password.hash()>{t(Msg::TaskPassword)}</a></p> })}
    };
    let end = view! {
        {caveats}
        <h2>{t(Msg::ResultSectionWhy)}</h2>
        {why}
        <p class="myna-hint myna-as-of">{as_of_line}</p>
        <div class="myna-buttons">
            <button class="myna-button myna-button--secondary" type="button" on:click=move |_| { let _ = window().print(); }>
                {t(Msg::ResultPrint)}
            </button>
            {calendar}
            <a class="myna-button myna-button--secondary" href=Page::Check(journey).hash()>{t(Msg::ResultChange)}</a>
            <button class="myna-button myna-button--secondary" type="button" on:click=restart>
                {t(Msg::CommonStartAgain)}
            </button>
        </div>
        <p class="myna-noprint"><a href=Page::Start.hash()>{t(Msg::ResultOtherTask)}</a></p>
    };
    in_parts(vec![heading.into_any(), objects.into_any(), timeline.into_any(), actions.into_any(), end.into_any()])
}

#[component]
pub fn ResultPage(journey: Journey) -> impl IntoView {
    let state = use_state();
    keep_title(state, Msg::ResultSectionActions, Signal::derive(|| false));
    let situation = state.answers.with_untracked(|a| journey.situation(a, state.today));
    match rules::guide(&situation) {
        Ok(g) => result_view(state, journey, g).into_any(),
        // The check page only comes here with guidance; a changed answer since is sent back there.
        Err(_) => view! { <p><a href=Page::Check(journey).hash()>{t(Msg::ResultChange)}</a></p> }.into_any(),
    }
}
