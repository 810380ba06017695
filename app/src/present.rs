//! What a result page says, decided from the engine's guidance alone (docs/design.md §3.5): the
//! heading, the dated points of the timeline, the texts of actions and caveats. Pure, so it is
//! tested natively; `pages::result` only lays it out. No rule is decided here.

use chrono::NaiveDate;
use rules::{holiday, Closed, RuleId};
use rules::{Action, ActionId, CaveatId, Event, Guidance, Situation, Status, Validity, Where};

/// The words of a document, for `ics.rs`, which names them through here.
pub use crate::i18n::words::document;
use crate::i18n::{words, Msg};

/// The page's `<h1>` (docs/design.md §3.5): the state in words, from the first step when there is one (the
/// engine's order puts the most urgent first), else the card's state; with the date it names. Never a
/// generic title: every journey ends on what to do, or on why nothing is needed.
pub fn heading(g: &Guidance) -> (Msg, Option<NaiveDate>) {
    if let Some(first) = g.actions.first() {
        return action_heading(first);
    }
    let Some(card) = &g.card else {
        // Without a card the events have no effect (docs/rules.md §1): what is said is how to get one.
        return (Msg::ResultHeadingNoCard, None);
    };
    let certificate_expired =
        [&g.user_certificate, &g.signature_certificate].into_iter().flatten().any(|c| c.status == Status::Expired);
    match card.status {
        Status::Lapsed => (Msg::ResultHeadingCardLapsed, None),
        Status::Suspended => (Msg::ResultHeadingCardSuspended, None),
        Status::Expired => (Msg::ResultHeadingCardExpired, None),
        _ if card.lapses_on.is_some_and(|l| l > g.as_of) => (Msg::ResultHeadingCardWillLapse, card.lapses_on),
        _ if certificate_expired => (Msg::ResultHeadingCertificatesExpired, None),
        Status::RenewalOpen => (Msg::ResultHeadingCardRenewalOpen, card.expires_on),
        Status::Valid => (Msg::ResultHeadingCardValid, card.expires_on),
        Status::Unknown | Status::Revoked | Status::NotEligible => (Msg::ResultHeadingCardUnknown, None),
    }
}

/// The heading a step gives the page: what to do (`result.heading.action.<id>`), by its date when it has one
/// (`apply_by` first); a step with a deadline that has none says to do it now.
fn action_heading(a: &Action) -> (Msg, Option<NaiveDate>) {
    let heading = words::action_heading(a.id);
    let dated = |undated: Msg| match a.by {
        Some(by) => (heading, Some(by)),
        None => (undated, None),
    };
    match a.id {
        ActionId::FileMoveWithinCity
        | ActionId::FileMoveIn
        | ActionId::ApplyContinuedUseAbroad
        | ActionId::PresentCardAfterMove
        | ActionId::UpdateCardDetails => dated(Msg::ResultHeadingFileNow),
        ActionId::RenewCard => match (a.apply_by, a.by) {
            (Some(apply_by), _) => (heading, Some(apply_by)),
            (None, Some(by)) => (Msg::ResultHeadingRenewCardSoon, Some(by)),
            (None, None) => (Msg::ResultHeadingRenewCardExpired, None),
        },
        ActionId::RenewCertificates => dated(Msg::ResultHeadingRenewCertificatesExpired),
        ActionId::SuspendCard
        | ActionId::ReportToPolice
        | ActionId::ReportLossToOffice
        | ActionId::LiftSuspension
        | ActionId::ReissueSignatureCertificate
        | ActionId::ApplyRapidReissue
        | ActionId::ApplyReissue
        | ActionId::ApplyNewCard
        | ActionId::ResetPin => (heading, None),
    }
}

/// An action's title and explanation. `reset_pin` is explained by where it is done.
pub fn action_texts(id: ActionId, place: Where) -> (Msg, Msg) {
    let body = match id {
        ActionId::ResetPin if place == Where::ConvenienceStore => Msg::ActionResetPinBodyStore,
        _ => words::action_body(id),
    };
    (words::action_title(id), body)
}

/// What a step says to do, in the citizen's situation: after a theft the police take a theft report (盗難届),
/// not "a loss report, or a theft report".
pub fn step_body(a: &Action, ctx: Context) -> Msg {
    match a.id {
        ActionId::ReportToPolice if ctx.stolen => Msg::ActionReportToPoliceBodyStolen,
        _ => action_texts(a.id, a.place).1,
    }
}

/// Every rule the guidance names, once each, in the order of first mention (objects, actions,
/// caveats): the "why?" section.
pub fn rules_named(g: &Guidance) -> Vec<(RuleId, String)> {
    let mut out: Vec<(RuleId, String)> = Vec::new();
    let mut add = |rule: RuleId, source: &str| {
        if !out.iter().any(|(r, _)| *r == rule) {
            out.push((rule, source.to_owned()));
        }
    };
    let objects = g.card.iter().flat_map(|c| c.explanation.iter()).chain(
        [&g.user_certificate, &g.signature_certificate].into_iter().flatten().flat_map(|c| c.explanation.iter()),
    );
    for e in objects {
        add(e.rule, &e.source);
    }
    for a in &g.actions {
        add(a.rule, &a.source);
    }
    for c in &g.caveats {
        add(c.rule, c.rule.source());
    }
    out
}

/// What the page knows beyond the guidance, from the citizen's answers, for the wording of the steps
/// (docs/design.md §3.1: direction-only wording is presentation, not a rule).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// Moving out of the city: the move-in steps happen at the new municipality.
    pub moving_out: bool,
    /// Moved out of the city (the move-out day, the move-in day or the 転入届 has come): every step at an office
    /// is at the new municipality's, where the citizen now lives, none at this city's (docs/rules.md §18:
    /// `ward_office` is the ward office where the citizen lives). Before that day a step such as a renewal can still
    /// be done here.
    pub moved_out: bool,
    /// The card was stolen: a reissue may be free (leaflet §8, docs/rules.md §19).
    pub stolen: bool,
    /// A signature certificate is on the card: a 転居届 ends it (docs/rules.md §7).
    pub signature_held: bool,
    /// The engine's caveat `fee_waiver_possible` (a disaster, docs/rules.md §10.2): said in the reissue step, next
    /// to the fee it may waive, not in the page's list of caveats.
    pub fee_waiver_possible: bool,
}

impl Context {
    pub fn of(situation: &Situation, guidance: &Guidance, moving_out: bool) -> Context {
        let reached = |d: Option<NaiveDate>| d.is_some_and(|d| d <= situation.today);
        let moved_out = moving_out
            && situation.events.iter().any(|e| match e {
                Event::MoveToOtherMunicipality { planned_move_out_on, moved_in_on, move_in_filed_on, .. } => {
                    reached(Some(*planned_move_out_on)) || reached(*moved_in_on) || reached(*move_in_filed_on)
                }
                _ => false,
            });
        Context {
            moving_out,
            moved_out,
            stolen: situation.events.iter().any(|e| matches!(e, Event::CardLost { stolen: true, .. })),
            signature_held: situation.signature_certificate.is_some(),
            fee_waiver_possible: guidance.caveats.iter().any(|c| c.id == CaveatId::FeeWaiverPossible),
        }
    }
}

/// One numbered step of the result page (docs/design.md §3.5 item 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Action(&'a Action),
    /// `apply_rapid_reissue` with `apply_reissue`: one step with two options (fast and dearer, or about a
    /// month), never two steps to do and pay for (docs/rules.md §9).
    Reissue {
        rapid: &'a Action,
        normal: &'a Action,
    },
    /// A card that ends with the stay (`validity: stay_period`) is renewed after the stay is extended: the
    /// extension comes first (docs/design.md §3.5, a foreign resident).
    ExtendStay,
}

/// The steps in the engine's order, each reissue pair drawn once at the place of its first half.
pub fn steps(g: &Guidance) -> Vec<Step<'_>> {
    let mut used = vec![false; g.actions.len()];
    let mut out = Vec::new();
    let stay_card = g.card.as_ref().is_some_and(|c| c.validity == Some(Validity::StayPeriod));
    for (i, a) in g.actions.iter().enumerate() {
        if used.get(i).copied().unwrap_or(true) {
            continue;
        }
        let partner = |id: ActionId| {
            g.actions.iter().enumerate().skip(i + 1).find(|(j, b)| b.id == id && !used.get(*j).copied().unwrap_or(true))
        };
        let step = match a.id {
            ActionId::ApplyRapidReissue => match partner(ActionId::ApplyReissue) {
                Some((j, normal)) => {
                    used[j] = true;
                    Step::Reissue { rapid: a, normal }
                }
                None => Step::Action(a),
            },
            ActionId::ApplyReissue => match partner(ActionId::ApplyRapidReissue) {
                Some((j, rapid)) => {
                    used[j] = true;
                    Step::Reissue { rapid, normal: a }
                }
                None => Step::Action(a),
            },
            ActionId::RenewCard if stay_card => {
                out.push(Step::ExtendStay);
                Step::Action(a)
            }
            _ => Step::Action(a),
        };
        out.push(step);
    }
    out
}

/// The notes a step adds to its action's text (docs/design.md §3.5, issue 13's content): what happens before
/// the move, the deadline rule in the step itself, the certificate a filing ends, a fee that may be waived.
pub fn notes(a: &Action, ctx: Context) -> Vec<Msg> {
    let mut notes = Vec::new();
    match a.id {
        ActionId::FileMoveIn if ctx.moving_out => {
            notes.push(Msg::ResultNoteMoveOutFirst);
            notes.push(Msg::ResultNoteMoveInDays);
        }
        ActionId::FileMoveIn => notes.push(Msg::ResultNoteMoveInDays),
        ActionId::FileMoveWithinCity => {
            notes.push(Msg::ResultNoteMoveWithinDays);
            if ctx.signature_held {
                notes.push(Msg::ResultNoteSignatureEndsOnFiling);
            }
        }
        ActionId::ApplyReissue | ActionId::ApplyRapidReissue => {
            if ctx.stolen {
                notes.push(Msg::ResultNoteTheftFee);
            }
            if ctx.fee_waiver_possible {
                notes.push(words::caveat(CaveatId::FeeWaiverPossible));
            }
        }
        _ => {}
    }
    notes
}

/// The caveats for the page's list (ご注意): the engine's, less those a step says itself (a fee that may be
/// waived, in the reissue step).
pub fn listed_caveats(g: &Guidance) -> impl Iterator<Item = CaveatId> + '_ {
    let reissue = g.actions.iter().any(|a| matches!(a.id, ActionId::ApplyReissue | ActionId::ApplyRapidReissue));
    g.caveats.iter().map(|c| c.id).filter(move |id| !(reissue && *id == CaveatId::FeeWaiverPossible))
}

/// Where an action is done, in words: the engine's place, except that the move-in steps of a move out of
/// the city happen at the new municipality, and so does every office step once the citizen has moved out.
pub fn place_of(a: &Action, ctx: Context) -> Msg {
    match a.id {
        ActionId::FileMoveIn | ActionId::PresentCardAfterMove if ctx.moving_out => Msg::ResultNewMunicipality,
        _ if ctx.moved_out && a.place == Where::WardOffice => Msg::ResultNewMunicipality,
        // FLAG (spec silent, docs/rules.md §7.4): after a departure abroad the card has lapsed and
        // `apply_new_card` is `ward_office`, though the citizen lives in no ward any more. Where one applies from
        // abroad is not in the spec, so nothing is claimed here and the engine's place stands.
        _ => words::place(a.place),
    }
}

/// The action id of the contract (`renew_card`): the calendar file's `UID`s and the profile's `links` and
/// `notes` keys.
pub fn action_key(id: ActionId) -> &'static str {
    match id {
        ActionId::ApplyContinuedUseAbroad => "apply_continued_use_abroad",
        ActionId::ApplyNewCard => "apply_new_card",
        ActionId::ApplyRapidReissue => "apply_rapid_reissue",
        ActionId::ApplyReissue => "apply_reissue",
        ActionId::FileMoveIn => "file_move_in",
        ActionId::FileMoveWithinCity => "file_move_within_city",
        ActionId::LiftSuspension => "lift_suspension",
        ActionId::PresentCardAfterMove => "present_card_after_move",
        ActionId::ReissueSignatureCertificate => "reissue_signature_certificate",
        ActionId::RenewCard => "renew_card",
        ActionId::RenewCertificates => "renew_certificates",
        ActionId::ReportLossToOffice => "report_loss_to_office",
        ActionId::ReportToPolice => "report_to_police",
        ActionId::ResetPin => "reset_pin",
        ActionId::SuspendCard => "suspend_card",
        ActionId::UpdateCardDetails => "update_card_details",
    }
}

/// Whether the step is done at an office of this city (its profile's offices apply).
pub fn at_city_office(a: &Action, ctx: Context) -> bool {
    a.place == Where::WardOffice && place_of(a, ctx) == Msg::WhereWardOffice
}

/// Why offices are closed on a deadline, in words (docs/rules.md §3.7), with the holiday's name.
pub fn closed_reason(a: &Action) -> Option<Msg> {
    // The phone line, the police and the store kiosks are open on those days.
    if a.place != Where::WardOffice {
        return None;
    }
    let (by, closed) = (a.by?, a.by_closed?);
    Some(match closed {
        Closed::Holiday => holiday(by).map_or(words::closed(closed), words::holiday),
        Closed::YearEnd | Closed::Sunday | Closed::Saturday => words::closed(closed),
    })
}

/// The card or certificates that share one line of the summary: identical dates are said once
/// (docs/design.md §3.5 item 3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectGroup {
    pub names: Vec<Msg>,
    pub status: Status,
    pub expires_on: Option<NaiveDate>,
    pub renewal_opens_on: Option<NaiveDate>,
    pub lapses_on: Option<NaiveDate>,
    pub eligible_from: Option<NaiveDate>,
}

/// The card and certificates grouped by what is said of them, and the names of those held with no date
/// (one line, never rows of 「わからない」).
pub fn objects(g: &Guidance) -> (Vec<ObjectGroup>, Vec<Msg>) {
    let mut items: Vec<ObjectGroup> = Vec::new();
    if let Some(c) = &g.card {
        items.push(ObjectGroup {
            names: vec![Msg::ResultObjectCard],
            status: c.status,
            expires_on: c.expires_on,
            renewal_opens_on: c.renewal_opens_on,
            lapses_on: c.lapses_on,
            eligible_from: None,
        });
    }
    for (name, cert) in
        [(Msg::ResultObjectUser, &g.user_certificate), (Msg::ResultObjectSignature, &g.signature_certificate)]
    {
        if let Some(c) = cert {
            items.push(ObjectGroup {
                names: vec![name],
                status: c.status,
                expires_on: c.expires_on,
                renewal_opens_on: c.renewal_opens_on,
                lapses_on: None,
                eligible_from: c.eligible_from,
            });
        }
    }
    let mut groups: Vec<ObjectGroup> = Vec::new();
    let mut unknown = Vec::new();
    for item in items {
        // Held with no date: one line of names. A suspended or lapsed object without dates keeps its row:
        // its status is known and matters (「一時停止中」).
        if item.status == Status::Unknown {
            unknown.extend(item.names);
            continue;
        }
        let same = |g: &&mut ObjectGroup| {
            (g.status, g.expires_on, g.renewal_opens_on, g.lapses_on, g.eligible_from)
                == (item.status, item.expires_on, item.renewal_opens_on, item.lapses_on, item.eligible_from)
        };
        match groups.iter_mut().find(same) {
            Some(group) => group.names.extend(item.names),
            None => groups.push(item),
        }
    }
    (groups, unknown)
}

/// One thing a day of the timeline says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub msg: Msg,
    /// The action a deadline or opening belongs to.
    pub action: Option<ActionId>,
}

/// One day of the timeline, with everything that happens on it (docs/design.md §3.5 item 4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub date: NaiveDate,
    pub labels: Vec<Label>,
}

/// The timeline: today, renewal openings, when to apply, deadlines, expiries, the lapse, the end of the
/// insurance grace, in date order, the points of one day merged into one (today first on its day). Empty when
/// today would be its only point (all dates unknown, a PIN reset): a list of one day, 「今日」, says nothing.
pub fn timeline(g: &Guidance) -> Vec<Point> {
    let mut points: Vec<(NaiveDate, Label)> = vec![(g.as_of, Label { msg: Msg::TimelineToday, action: None })];
    let mut add = |date: Option<NaiveDate>, msg: Msg, action: Option<ActionId>| {
        if let Some(date) = date {
            let label = Label { msg, action };
            if !points.contains(&(date, label)) {
                points.push((date, label));
            }
        }
    };
    if let Some(card) = &g.card {
        add(card.renewal_opens_on, Msg::TimelineCardRenewal, None);
        add(card.expires_on, Msg::TimelineCardExpires, None);
        add(card.lapses_on, Msg::TimelineLapses, None);
    }
    if let Some(c) = &g.user_certificate {
        add(c.renewal_opens_on, Msg::TimelineUserRenewal, None);
        add(c.expires_on, Msg::TimelineUserExpires, None);
    }
    if let Some(c) = &g.signature_certificate {
        add(c.renewal_opens_on, Msg::TimelineSignatureRenewal, None);
        add(c.expires_on, Msg::TimelineSignatureExpires, None);
        add(c.eligible_from, Msg::TimelineEligible, None);
    }
    add(g.health_insurance_usable_until, Msg::TimelineInsurance, None);
    for a in &g.actions {
        add(a.apply_by, Msg::TimelineDateApplyBy, Some(a.id));
        // A deadline of today is the "now" of the loss line: already said by "today".
        if a.by != Some(g.as_of) {
            add(a.by, Msg::TimelineDateBy, Some(a.id));
        }
    }
    // Stable: today stays first among the labels of its day.
    rules::stable_sort_by_key(&mut points, |(date, _)| *date);
    let mut merged: Vec<Point> = Vec::new();
    for (date, label) in points {
        match merged.last_mut() {
            Some(last) if last.date == date => last.labels.push(label),
            _ => merged.push(Point { date, labels: vec![label] }),
        }
    }
    if let [only] = merged.as_slice() {
        if only.labels.len() == 1 {
            return Vec::new();
        }
    }
    merged
}

/// Days left are counted only this close: beyond a year a count such as 「あと2,385日」 says nothing.
pub const COUNTDOWN_DAYS: i64 = 365;

/// One part of a rule's source, for 「出典」 in words (docs/design.md §3.5 item 5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourcePart<'a> {
    /// The city's leaflet, its sections (`5①`, `4②`).
    Leaflet(Vec<&'a str>),
    /// A law or ordinance, cited in Japanese as written; `analogy` when applied by analogy.
    Law { name: &'a str, analogy: bool },
    /// The guide's own reading of the contract (`docs/contract.md`).
    Guide,
}

/// Splits an engine source such as `leaflet §5①; 番号法17条6項` into its parts.
pub fn source_parts(source: &str) -> Vec<SourcePart<'_>> {
    source
        .split("; ")
        .filter(|part| !part.is_empty())
        .map(|part| {
            if let Some(sections) = part.strip_prefix("leaflet ") {
                SourcePart::Leaflet(
                    sections.split(", ").map(|s| s.trim_start_matches('§')).filter(|s| !s.is_empty()).collect(),
                )
            } else if part.ends_with(".md") || part.starts_with("guide") {
                SourcePart::Guide
            } else {
                match part.strip_suffix(" (by analogy)") {
                    Some(name) => SourcePart::Law { name, analogy: true },
                    None => SourcePart::Law { name: part, analogy: false },
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules::{Card, Certificate, Place};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn situation(today: &str) -> Situation {
        Situation {
            today: d(today),
            birth_date: d("1985-10-10"),
            nationality: Default::default(),
            stay_expires_on: None,
            card: Some(Card { issued_on: Some(d("2020-05-15")), ..Card::default() }),
            user_certificate: Some(Certificate { issued_on: Some(d("2020-05-15")), ..Certificate::default() }),
            signature_certificate: Some(Certificate { issued_on: Some(d("2020-05-15")), ..Certificate::default() }),
            events: vec![],
        }
    }

    /// cases/adult-card-valid.json
    fn adult_example() -> Guidance {
        rules::guide(&situation("2026-11-24")).unwrap()
    }

    /// cases/lost-outside-rapid-reissue.json: stopped, reported, a rapid and a normal reissue.
    fn lost_outside() -> (Situation, Guidance) {
        let mut s = situation("2025-05-13");
        s.events.push(Event::CardLost {
            lost_on: d("2025-05-10"),
            place: Place::Outside,
            stolen: false,
            suspended_on: Some(d("2025-05-10")),
            reported_on: Some(d("2025-05-12")),
            found_on: None,
        });
        let g = rules::guide(&s).unwrap();
        (s, g)
    }

    #[test]
    fn a_fee_that_may_be_waived_is_said_in_the_reissue_step_not_in_the_list() {
        let mut s = situation("2025-05-13");
        s.events.push(Event::CardDestroyed { on: d("2025-05-10"), cause: rules::Cause::Disaster });
        let g = rules::guide(&s).unwrap();
        assert!(g.caveats.iter().any(|c| c.id == CaveatId::FeeWaiverPossible), "the engine's caveat");
        let ctx = Context::of(&s, &g, false);
        assert!(ctx.fee_waiver_possible && !ctx.stolen);
        let waiver = words::caveat(CaveatId::FeeWaiverPossible);
        for a in g.actions.iter().filter(|a| matches!(a.id, ActionId::ApplyReissue | ActionId::ApplyRapidReissue)) {
            assert_eq!(notes(a, ctx), vec![waiver], "{:?}", a.id);
        }
        assert!(!listed_caveats(&g).any(|id| id == CaveatId::FeeWaiverPossible));
        // A caveat no step says stays in the list.
        let mut no_reissue = g.clone();
        no_reissue.actions.clear();
        assert!(listed_caveats(&no_reissue).any(|id| id == CaveatId::FeeWaiverPossible));
    }

    #[test]
    fn the_heading_says_the_first_step_else_the_cards_state() {
        let g = adult_example();
        assert_eq!(heading(&g), (Msg::ResultHeadingRenewCertificatesExpired, None), "certificates expired");
        let mut valid = g.clone();
        valid.actions.clear();
        valid.user_certificate = None;
        valid.signature_certificate = None;
        assert_eq!(heading(&valid), (Msg::ResultHeadingCardValid, Some(d("2029-10-10"))));
        let mut none = valid;
        none.card = None;
        assert_eq!(heading(&none).0, Msg::ResultHeadingNoCard);
        let (_, lost) = lost_outside();
        assert_eq!(heading(&lost), (Msg::ResultHeadingActionReportToPolice, None));
    }

    #[test]
    fn a_renewal_heading_names_the_day_to_apply_by() {
        // cases/card-renewal-open.json: apply by 2026-02-10 for an expiry on 2026-03-10.
        let mut s = situation("2026-01-15");
        s.birth_date = d("1990-03-10");
        s.card = Some(Card { expires_on: Some(d("2026-03-10")), ..Card::default() });
        s.user_certificate = None;
        s.signature_certificate = None;
        let g = rules::guide(&s).unwrap();
        assert_eq!(heading(&g), (Msg::ResultHeadingActionRenewCard, Some(d("2026-02-10"))));
    }

    #[test]
    fn the_two_reissues_are_one_step_with_two_options() {
        let (_, g) = lost_outside();
        let steps = steps(&g);
        assert_eq!(steps.len(), 2, "{steps:?}");
        assert!(matches!(steps[0], Step::Action(a) if a.id == ActionId::ReportToPolice));
        match steps[1] {
            Step::Reissue { rapid, normal } => {
                assert_eq!((rapid.id, normal.id), (ActionId::ApplyRapidReissue, ActionId::ApplyReissue));
                assert_eq!((rapid.fee_yen, normal.fee_yen), (Some(2000), Some(1000)));
            }
            other => panic!("not one reissue step: {other:?}"),
        }
    }

    #[test]
    fn a_card_that_ends_with_the_stay_extends_the_stay_first() {
        // cases/foreign-resident-stay-period.json
        let mut s = situation("2027-02-01");
        s.nationality = rules::Nationality::Foreign;
        s.stay_expires_on = Some(d("2027-03-31"));
        s.card = Some(Card { issued_on: Some(d("2024-04-01")), ..Card::default() });
        s.user_certificate = None;
        s.signature_certificate = None;
        let g = rules::guide(&s).unwrap();
        let steps = steps(&g);
        assert_eq!(steps.first(), Some(&Step::ExtendStay), "{steps:?}");
        assert!(matches!(steps.get(1), Some(Step::Action(a)) if a.id == ActionId::RenewCard));
    }

    #[test]
    fn notes_follow_the_citizens_situation() {
        let (mut s, _) = lost_outside();
        if let Some(Event::CardLost { stolen, .. }) = s.events.first_mut() {
            *stolen = true;
        }
        let g = rules::guide(&s).unwrap();
        let ctx = Context::of(&s, &g, false);
        assert!(ctx.stolen && ctx.signature_held && !ctx.moving_out && !ctx.fee_waiver_possible);
        let reissue = g.actions.iter().find(|a| a.id == ActionId::ApplyReissue).unwrap();
        assert_eq!(notes(reissue, ctx), vec![Msg::ResultNoteTheftFee]);
        assert_eq!(notes(reissue, Context { stolen: false, ..ctx }), vec![]);
        let police = g.actions.iter().find(|a| a.id == ActionId::ReportToPolice).unwrap();
        assert_eq!(step_body(police, ctx), Msg::ActionReportToPoliceBodyStolen);
        assert_eq!(step_body(police, Context { stolen: false, ..ctx }), Msg::ActionReportToPoliceBody);
        let move_in = Action::new(ActionId::FileMoveIn, RuleId::MoveOtherMunicipality, Where::WardOffice);
        let out = Context { moving_out: true, ..ctx };
        assert_eq!(notes(&move_in, out), vec![Msg::ResultNoteMoveOutFirst, Msg::ResultNoteMoveInDays]);
        assert_eq!(place_of(&move_in, out), Msg::ResultNewMunicipality);
        assert!(!at_city_office(&move_in, out));
        assert_eq!(place_of(&move_in, ctx), Msg::WhereWardOffice, "moving into the city: its own offices");
        let reissue_signature =
            Action::new(ActionId::ReissueSignatureCertificate, RuleId::SignatureRevocation, Where::WardOffice);
        assert!(at_city_office(&reissue_signature, out), "before the move-out day: this city's offices");
        let gone = Context { moved_out: true, ..out };
        assert_eq!(place_of(&reissue_signature, gone), Msg::ResultNewMunicipality);
        assert!(!at_city_office(&reissue_signature, gone));
        let call = Action::new(ActionId::SuspendCard, RuleId::LossSuspend, Where::Phone);
        assert_eq!(place_of(&call, gone), Msg::WherePhone, "the phone line is the same from anywhere");
        let within = Action::new(ActionId::FileMoveWithinCity, RuleId::MoveWithinCity, Where::WardOffice);
        assert_eq!(notes(&within, ctx), vec![Msg::ResultNoteMoveWithinDays, Msg::ResultNoteSignatureEndsOnFiling]);
        let no_signature = Context { signature_held: false, ..ctx };
        assert_eq!(notes(&within, no_signature), vec![Msg::ResultNoteMoveWithinDays]);
    }

    #[test]
    fn a_closed_deadline_is_named_at_offices_only() {
        let mut a = Action::new(ActionId::FileMoveWithinCity, RuleId::MoveWithinCity, Where::WardOffice);
        let at = |a: &mut Action, by: &str| {
            a.by = Some(d(by));
            a.by_closed = rules::closed(d(by));
        };
        at(&mut a, "2026-12-31");
        assert_eq!(closed_reason(&a), Some(Msg::ClosedYearEnd));
        at(&mut a, "2025-07-21");
        assert_eq!(closed_reason(&a), Some(Msg::HolidayMarineDay));
        at(&mut a, "2025-08-31");
        assert_eq!(closed_reason(&a), Some(Msg::ClosedSunday));
        at(&mut a, "2025-08-29");
        assert_eq!(closed_reason(&a), None);
        let mut phone = Action::new(ActionId::SuspendCard, RuleId::LossSuspend, Where::Phone);
        at(&mut phone, "2026-12-31");
        assert_eq!(closed_reason(&phone), None, "the line answers all year");
    }

    #[test]
    fn identical_dates_are_said_once_and_unknown_ones_in_one_line() {
        // Card and both certificates issued together, the certificates ending before the card.
        let g = adult_example();
        let (groups, unknown) = objects(&g);
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert_eq!(groups[0].names, vec![Msg::ResultObjectCard]);
        assert_eq!(groups[1].names, vec![Msg::ResultObjectUser, Msg::ResultObjectSignature]);
        assert!(unknown.is_empty());
        let mut s = situation("2026-11-24");
        s.card = Some(Card::default());
        s.user_certificate = Some(Certificate::default());
        let g = rules::guide(&s).unwrap();
        let (groups, unknown) = objects(&g);
        assert_eq!(unknown, vec![Msg::ResultObjectCard, Msg::ResultObjectUser], "{groups:?}");
    }

    #[test]
    fn the_timeline_is_in_date_order_with_one_point_a_day() {
        let g = adult_example();
        let points = timeline(&g);
        let dates: Vec<NaiveDate> = points.iter().map(|p| p.date).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(dates, sorted, "sorted, and no day twice");
        let today = points.iter().find(|p| p.date == d("2026-11-24")).unwrap();
        assert_eq!(today.labels[0].msg, Msg::TimelineToday);
        let expiry = points.iter().find(|p| p.date == d("2024-10-10")).unwrap();
        let labels: Vec<Msg> = expiry.labels.iter().map(|l| l.msg).collect();
        assert_eq!(labels, vec![Msg::TimelineUserExpires, Msg::TimelineSignatureExpires]);

        // Nothing dated but today: no timeline at all.
        let mut bare = g.clone();
        bare.actions.clear();
        bare.card = None;
        bare.user_certificate = None;
        bare.signature_certificate = None;
        bare.health_insurance_usable_until = None;
        assert_eq!(timeline(&bare), vec![]);
        // One more date, even today's own deadline's, keeps it.
        let mut one = bare.clone();
        one.health_insurance_usable_until = Some(d("2027-01-31"));
        assert_eq!(timeline(&one).len(), 2);
    }

    #[test]
    fn sources_are_split_into_leaflet_sections_laws_and_the_guide() {
        assert_eq!(source_parts("leaflet §5③, §4②, §6①"), vec![SourcePart::Leaflet(vec!["5③", "4②", "6①"])]);
        assert_eq!(
            source_parts("leaflet §5①; 番号法17条6項"),
            vec![SourcePart::Leaflet(vec!["5①"]), SourcePart::Law { name: "番号法17条6項", analogy: false }]
        );
        assert_eq!(
            source_parts("道路交通法92条の2 (by analogy)"),
            vec![SourcePart::Law { name: "道路交通法92条の2", analogy: true }]
        );
        assert_eq!(source_parts("docs/contract.md"), vec![SourcePart::Guide]);
        for rule in RuleId::ALL {
            assert!(!source_parts(rule.source()).is_empty(), "{rule:?}");
        }
    }

    #[test]
    fn every_rule_named_in_guidance_has_a_why() {
        let g = adult_example();
        let named = rules_named(&g);
        assert!(named.iter().any(|(r, _)| *r == RuleId::CardValidity));
        for rule in RuleId::ALL {
            assert!(!crate::i18n::Locale::Ja.raw(words::why(rule)).is_empty());
        }
    }
}
