//! What a result page says, decided from the engine's guidance alone (design.md §3.5): the
//! heading, the dated points of the timeline, the texts of actions and caveats. Pure, so it is
//! tested natively; `pages::result` only lays it out. No rule is decided here.

use chrono::{Datelike, NaiveDate, Weekday};
use rules::contract::{ActionId, CaveatId, Document, Guidance, Status, Where};
use rules::explain::RuleId;

use crate::flow::Journey;
use crate::i18n::Msg;

/// The page's `<h1>`: the state in words, with the date it names.
pub fn heading(journey: Journey, g: &Guidance) -> (Msg, Option<NaiveDate>) {
    let Some(card) = &g.card else {
        return if journey == Journey::Expiry {
            (Msg::ResultHeadingNoCard, None)
        } else {
            (Msg::ResultHeadingGuidance, None)
        };
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
        Status::Unknown | Status::Revoked | Status::NotEligible => (Msg::ResultHeadingGuidance, None),
    }
}

pub fn status(status: Status) -> Msg {
    match status {
        Status::Valid => Msg::StatusValid,
        Status::RenewalOpen => Msg::StatusRenewalOpen,
        Status::Expired => Msg::StatusExpired,
        Status::Lapsed => Msg::StatusLapsed,
        Status::Revoked => Msg::StatusRevoked,
        Status::Suspended => Msg::StatusSuspended,
        Status::Unknown => Msg::StatusUnknown,
        Status::NotEligible => Msg::StatusNotEligible,
    }
}

/// An action's title and explanation. `reset_pin` is explained by where it is done.
pub fn action_texts(id: ActionId, place: Where) -> (Msg, Msg) {
    match id {
        ActionId::RenewCard => (Msg::ActionRenewCardTitle, Msg::ActionRenewCardBody),
        ActionId::RenewCertificates => (Msg::ActionRenewCertificatesTitle, Msg::ActionRenewCertificatesBody),
        ActionId::FileMoveWithinCity => (Msg::ActionFileMoveWithinCityTitle, Msg::ActionFileMoveWithinCityBody),
        ActionId::FileMoveIn => (Msg::ActionFileMoveInTitle, Msg::ActionFileMoveInBody),
        ActionId::PresentCardAfterMove => (Msg::ActionPresentCardAfterMoveTitle, Msg::ActionPresentCardAfterMoveBody),
        ActionId::ApplyContinuedUseAbroad => {
            (Msg::ActionApplyContinuedUseAbroadTitle, Msg::ActionApplyContinuedUseAbroadBody)
        }
        ActionId::ReissueSignatureCertificate => {
            (Msg::ActionReissueSignatureCertificateTitle, Msg::ActionReissueSignatureCertificateBody)
        }
        ActionId::UpdateCardDetails => (Msg::ActionUpdateCardDetailsTitle, Msg::ActionUpdateCardDetailsBody),
        ActionId::SuspendCard => (Msg::ActionSuspendCardTitle, Msg::ActionSuspendCardBody),
        ActionId::ReportToPolice => (Msg::ActionReportToPoliceTitle, Msg::ActionReportToPoliceBody),
        ActionId::ReportLossToOffice => (Msg::ActionReportLossToOfficeTitle, Msg::ActionReportLossToOfficeBody),
        ActionId::LiftSuspension => (Msg::ActionLiftSuspensionTitle, Msg::ActionLiftSuspensionBody),
        ActionId::ApplyReissue => (Msg::ActionApplyReissueTitle, Msg::ActionApplyReissueBody),
        ActionId::ApplyRapidReissue => (Msg::ActionApplyRapidReissueTitle, Msg::ActionApplyRapidReissueBody),
        ActionId::ApplyNewCard => (Msg::ActionApplyNewCardTitle, Msg::ActionApplyNewCardBody),
        ActionId::ResetPin if place == Where::ConvenienceStore => {
            (Msg::ActionResetPinTitle, Msg::ActionResetPinBodyStore)
        }
        ActionId::ResetPin => (Msg::ActionResetPinTitle, Msg::ActionResetPinBody),
    }
}

pub fn place(place: Where) -> Msg {
    match place {
        Where::WardOffice => Msg::WhereWardOffice,
        Where::ConvenienceStore => Msg::WhereConvenienceStore,
        Where::Phone => Msg::WherePhone,
        Where::Police => Msg::WherePolice,
    }
}

pub fn document(document: Document) -> Msg {
    match document {
        Document::Card => Msg::DocumentCard,
        Document::RenewalNotice => Msg::DocumentRenewalNotice,
        Document::PhotoId => Msg::DocumentPhotoId,
        Document::Photo => Msg::DocumentPhoto,
        Document::PoliceReceiptNumber => Msg::DocumentPoliceReceiptNumber,
        Document::WrittenAccount => Msg::DocumentWrittenAccount,
        Document::DisasterCertificate => Msg::DocumentDisasterCertificate,
        Document::DamagedCard => Msg::DocumentDamagedCard,
        Document::MoveOutCertificate => Msg::DocumentMoveOutCertificate,
    }
}

pub fn caveat(id: CaveatId) -> Msg {
    match id {
        CaveatId::AgeDecisionDateUnknown => Msg::CaveatAgeDecisionDateUnknown,
        CaveatId::Feb29Birthday => Msg::CaveatFeb29Birthday,
        CaveatId::FeeWaiverPossible => Msg::CaveatFeeWaiverPossible,
        CaveatId::InsuranceGraceUnknown => Msg::CaveatInsuranceGraceUnknown,
        CaveatId::PrintedDateDiffers => Msg::CaveatPrintedDateDiffers,
        CaveatId::RenewalWindowMonthEnd => Msg::CaveatRenewalWindowMonthEnd,
    }
}

/// The "why" text of a rule; every `RuleId` has one in all three languages.
pub fn why(rule: RuleId) -> Msg {
    match rule {
        RuleId::DatesAge => Msg::WhyDatesAge,
        RuleId::DatesFeb29 => Msg::WhyDatesFeb29,
        RuleId::DatesPeriod => Msg::WhyDatesPeriod,
        RuleId::ValidityPrinted => Msg::WhyValidityPrinted,
        RuleId::CardAgeClass => Msg::WhyCardAgeClass,
        RuleId::CardValidity => Msg::WhyCardValidity,
        RuleId::CardRenewalWindow => Msg::WhyCardRenewalWindow,
        RuleId::CardStatus => Msg::WhyCardStatus,
        RuleId::CardRenewal => Msg::WhyCardRenewal,
        RuleId::CertificateValidity => Msg::WhyCertificateValidity,
        RuleId::CertificateRenewalWindow => Msg::WhyCertificateRenewalWindow,
        RuleId::CertificateStatus => Msg::WhyCertificateStatus,
        RuleId::CertificateRenewal => Msg::WhyCertificateRenewal,
        RuleId::SignatureRevocation => Msg::WhySignatureRevocation,
        RuleId::SignatureReissue => Msg::WhySignatureReissue,
        RuleId::SignatureUnder15 => Msg::WhySignatureUnder15,
        RuleId::MoveWithinCity => Msg::WhyMoveWithinCity,
        RuleId::MoveOtherMunicipality => Msg::WhyMoveOtherMunicipality,
        RuleId::MoveAbroad => Msg::WhyMoveAbroad,
        RuleId::CardNewAfterLapse => Msg::WhyCardNewAfterLapse,
        RuleId::DetailsChange => Msg::WhyDetailsChange,
        RuleId::LossSuspend => Msg::WhyLossSuspend,
        RuleId::LossReport => Msg::WhyLossReport,
        RuleId::LossFound => Msg::WhyLossFound,
        RuleId::LossReissue => Msg::WhyLossReissue,
        RuleId::DestroyedReissue => Msg::WhyDestroyedReissue,
        RuleId::ReissueRapid => Msg::WhyReissueRapid,
        RuleId::PinReset => Msg::WhyPinReset,
        RuleId::PasswordCheck => Msg::WhyPasswordCheck,
        RuleId::InsuranceGrace => Msg::WhyInsuranceGrace,
        RuleId::ActionsOrder => Msg::WhyActionsOrder,
        RuleId::CaveatsOrder => Msg::WhyCaveatsOrder,
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

/// One dated point of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub date: NaiveDate,
    pub label: Msg,
    /// The action a deadline or opening belongs to.
    pub action: Option<ActionId>,
}

/// The timeline (design.md §3.5): today, renewal openings, deadlines, expiries, the lapse, the end
/// of the insurance grace, in date order (today first among equals).
pub fn timeline(g: &Guidance) -> Vec<Point> {
    let mut points = vec![Point { date: g.as_of, label: Msg::TimelineToday, action: None }];
    let mut add = |date: Option<NaiveDate>, label: Msg, action: Option<ActionId>| {
        if let Some(date) = date {
            points.push(Point { date, label, action });
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
        // A deadline of today is the "now" of the loss line: already said by "today".
        if a.by != Some(g.as_of) {
            add(a.by, Msg::TimelineDeadline, Some(a.id));
        }
    }
    // Stable: today stays first among points of the same day.
    rules::actions::stable_sort_by_key(&mut points, |p| p.date);
    points
}

/// Whether a date falls on a weekend, when offices are usually closed (the engine never moves a
/// deadline, rules.md §3.7; the page tells the citizen to check and go earlier).
pub fn on_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules::contract::{Card, Certificate, Situation};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn adult_example() -> Guidance {
        // cases/adult-card-valid.json
        let s = Situation {
            today: d("2026-11-24"),
            birth_date: d("1985-10-10"),
            nationality: Default::default(),
            stay_expires_on: None,
            card: Some(Card { issued_on: Some(d("2020-05-15")), ..Card::default() }),
            user_certificate: Some(Certificate { issued_on: Some(d("2020-05-15")), ..Certificate::default() }),
            signature_certificate: Some(Certificate { issued_on: Some(d("2020-05-15")), ..Certificate::default() }),
            events: vec![],
        };
        rules::guide(&s).unwrap()
    }

    #[test]
    fn the_heading_says_the_most_important_state() {
        let g = adult_example();
        assert_eq!(heading(Journey::Expiry, &g), (Msg::ResultHeadingCertificatesExpired, None));
        let mut valid = g.clone();
        valid.user_certificate = None;
        valid.signature_certificate = None;
        assert_eq!(heading(Journey::Expiry, &valid), (Msg::ResultHeadingCardValid, Some(d("2029-10-10"))));
        let mut none = g;
        none.card = None;
        assert_eq!(heading(Journey::Expiry, &none).0, Msg::ResultHeadingNoCard);
        assert_eq!(heading(Journey::Lost, &none).0, Msg::ResultHeadingGuidance);
    }

    #[test]
    fn the_timeline_is_in_date_order_with_today() {
        let g = adult_example();
        let points = timeline(&g);
        let dates: Vec<NaiveDate> = points.iter().map(|p| p.date).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        assert!(points.iter().any(|p| p.label == Msg::TimelineToday && p.date == d("2026-11-24")));
        assert!(points.iter().any(|p| p.label == Msg::TimelineCardExpires && p.date == d("2029-10-10")));
        assert!(points.iter().any(|p| p.label == Msg::TimelineUserExpires && p.date == d("2024-10-10")));
    }

    #[test]
    fn every_rule_named_in_guidance_has_a_why() {
        let g = adult_example();
        let named = rules_named(&g);
        assert!(named.iter().any(|(r, _)| *r == RuleId::CardValidity));
        for rule in RuleId::ALL {
            assert!(!crate::i18n::Locale::Ja.raw(why(rule)).is_empty());
        }
    }

    #[test]
    fn weekends() {
        assert!(on_weekend(d("2026-11-28")));
        assert!(!on_weekend(d("2026-11-27")));
    }
}
