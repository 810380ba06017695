//! The order of evaluation of `docs/rules.md` §14.1, one function per stage, on a situation that has
//! passed validation (`validate`): age → card expiry and validity → user, then signature certificate
//! expiry → renewal opening days → events (lapses, revocations, suspensions, event actions) →
//! statuses (§6.2) → the actions that follow from statuses → `health_insurance_usable_until` → sort →
//! caveats. Each stage takes what the earlier ones found, so the order is the data flow.

use chrono::NaiveDate;

use crate::actions::{self, Dated};
use crate::card::{self, CardDates, CardEvents};
use crate::caveats::Caveats;
use crate::certificates::{certificate_expiry, certificate_status, signature_eligible_from, CertificateContext};
use crate::contract::{
    Action, CardGuidance, CaveatId, Certificate, CertificateGuidance, CertificateKind, Event, Guidance, Situation,
    Status,
};
use crate::dates::{age_on, forward_renewal_opens_on, is_feb29, renewal_opens_on, DateError};
use crate::events::{self, EventContext};
use crate::explain::{Explanation, RuleId};
use crate::insurance;
use crate::params::{self, RENEWAL_WINDOW_MONTHS, SIGNATURE_MIN_AGE};

/// Evaluates a valid situation: the stages of `docs/rules.md` §14.1 in their order.
pub fn evaluate(s: &Situation) -> Result<Guidance, DateError> {
    let mut caveats = Caveats::default();
    let age = age(s, &mut caveats)?;
    let mut expiries = expiries(s, &mut caveats)?;
    renewal_windows(&mut expiries, &mut caveats)?;
    let effects = event_effects(s, expiries.signature.as_ref(), &mut caveats)?;
    let card_expiry = expiries.card_expiry();
    let statuses = statuses(s, expiries, &effects)?;
    let mut actions = effects.actions;
    actions.extend(status_actions(s, &statuses, card_expiry, effects.lapses_on)?);
    let health_insurance_usable_until = health_insurance(card_expiry, &statuses, s.today, &mut caveats)?;
    actions::name_closed_days(&mut actions);
    actions::sort_actions(&mut actions);
    Ok(Guidance {
        as_of: s.today,
        rules_version: params::rules_version(),
        age,
        card: statuses.card,
        user_certificate: statuses.user,
        signature_certificate: statuses.signature,
        health_insurance_usable_until,
        actions,
        caveats: caveats.into_output(),
    })
}

/// Age on `today` (§3.3), with the caveat of a 29 February birthday.
fn age(s: &Situation, caveats: &mut Caveats) -> Result<u32, DateError> {
    if is_feb29(s.birth_date) {
        caveats.add(CaveatId::Feb29Birthday);
    }
    age_on(s.birth_date, s.today)
}

/// A held certificate's dates before its status.
struct CertificateDates {
    expires_on: Option<NaiveDate>,
    renewal_opens_on: Option<NaiveDate>,
    issued_on: Option<NaiveDate>,
    explanation: Vec<Explanation>,
}

/// The expiries of what is held (§4, §5), then their renewal opening days (§3.8).
struct Expiries {
    card: Option<CardDates>,
    card_opens: Option<NaiveDate>,
    user: Option<CertificateDates>,
    signature: Option<CertificateDates>,
}

impl Expiries {
    fn card_expiry(&self) -> Option<NaiveDate> {
        self.card.as_ref().and_then(|c| c.expires_on)
    }
}

/// The card's expiry and validity (§4), then the user certificate's and the signature certificate's
/// (§5), each capped by those before it.
fn expiries(s: &Situation, caveats: &mut Caveats) -> Result<Expiries, DateError> {
    let card = match &s.card {
        Some(card) => Some(card::card_dates(s, card, caveats)?),
        None => None,
    };
    let card_expiry = card.as_ref().and_then(|c| c.expires_on);
    let certificate = |cert: &Certificate, caps: &[Option<NaiveDate>], caveats: &mut Caveats| {
        let (expires_on, explanation) = certificate_expiry(s.birth_date, cert, caps, caveats)?;
        Ok::<_, DateError>(CertificateDates {
            expires_on,
            renewal_opens_on: None,
            issued_on: cert.issued_on,
            explanation,
        })
    };
    let user = match &s.user_certificate {
        Some(cert) => Some(certificate(cert, &[card_expiry], caveats)?),
        None => None,
    };
    let user_expiry = user.as_ref().and_then(|u| u.expires_on);
    let signature = match &s.signature_certificate {
        Some(cert) => Some(certificate(cert, &[card_expiry, user_expiry], caveats)?),
        None => None,
    };
    Ok(Expiries { card, card_opens: None, user, signature })
}

/// The renewal opening days of the card and the certificates (§3.8).
fn renewal_windows(expiries: &mut Expiries, caveats: &mut Caveats) -> Result<(), DateError> {
    expiries.card_opens = window(expiries.card_expiry(), caveats)?;
    for cert in [&mut expiries.user, &mut expiries.signature].into_iter().flatten() {
        cert.renewal_opens_on = window(cert.expires_on, caveats)?;
    }
    Ok(())
}

/// The renewal opening day of an expiry, with the caveat when the two readings differ (§3.8).
fn window(expires_on: Option<NaiveDate>, caveats: &mut Caveats) -> Result<Option<NaiveDate>, DateError> {
    let Some(expiry) = expires_on else {
        return Ok(None);
    };
    let months = RENEWAL_WINDOW_MONTHS.on(expiry);
    let opens = renewal_opens_on(expiry, months)?;
    if forward_renewal_opens_on(expiry, months)? != opens {
        caveats.add(CaveatId::RenewalWindowMonthEnd);
    }
    Ok(Some(opens))
}

/// What the events did, all together (§7–§11).
struct EventEffects {
    /// The earliest lapse of the card, also when it lies after today.
    lapses_on: Option<NaiveDate>,
    suspended: bool,
    /// The held signature certificate was ended by an event on or before today, after its issue.
    revoked: bool,
    /// The events' actions, in input order.
    actions: Vec<Action>,
}

/// Each event on its own, in input order, only with a card (§1); then the lapse, the suspension and
/// the revocation they make together.
fn event_effects(
    s: &Situation,
    signature: Option<&CertificateDates>,
    caveats: &mut Caveats,
) -> Result<EventEffects, DateError> {
    let mut outcomes = Vec::new();
    if let Some(card) = &s.card {
        let ctx = EventContext {
            today: s.today,
            nationality: s.nationality,
            with_certificates: s.user_certificate.is_some() || s.signature_certificate.is_some() || card.face_auth,
        };
        for event in &s.events {
            outcomes.push(events::evaluate(event, ctx)?);
        }
    }
    let revoked = signature.is_some_and(|sig| {
        outcomes
            .iter()
            .filter_map(|o| o.revocation)
            .any(|r| r <= s.today && sig.issued_on.is_none_or(|issued| issued <= r))
    });
    let mut effects = EventEffects {
        lapses_on: outcomes.iter().filter_map(|o| o.lapse).min(),
        suspended: outcomes.iter().any(|o| o.suspends),
        revoked,
        actions: Vec::new(),
    };
    for outcome in outcomes {
        effects.actions.extend(outcome.actions);
        outcome.caveats.into_iter().for_each(|c| caveats.add(c));
    }
    Ok(effects)
}

/// The statuses of the card and the certificates, with their explanations.
struct Statuses {
    card: Option<CardGuidance>,
    user: Option<CertificateGuidance>,
    signature: Option<CertificateGuidance>,
}

/// The statuses (§6.2): the card first, then the certificates on it; a signature certificate not held
/// while the citizen is under 15 is `not_eligible` (§12).
fn statuses(s: &Situation, expiries: Expiries, effects: &EventEffects) -> Result<Statuses, DateError> {
    let today = s.today;
    let card_opens = expiries.card_opens;
    let card = expiries.card.map(|dates| {
        let events = CardEvents { lapses_on: effects.lapses_on, suspended: effects.suspended };
        let status = card::card_status(dates.expires_on, card_opens, events, today);
        let mut explanation = dates.explanation;
        if card_opens.is_some() {
            explanation.push(Explanation::of(RuleId::CardRenewalWindow));
        }
        explanation.push(Explanation::of(RuleId::CardStatus));
        if effects.lapses_on.is_some() {
            explanation.extend(lapse_rules(&s.events));
        }
        if status == Status::Suspended {
            explanation.push(Explanation::of(RuleId::LossSuspend));
        }
        CardGuidance {
            expires_on: dates.expires_on,
            renewal_opens_on: card_opens,
            status,
            lapses_on: effects.lapses_on,
            validity: dates.validity,
            explanation,
        }
    });
    let card_status = card.as_ref().map(|c| c.status);
    let certificate = |dates: CertificateDates, revoked: bool| {
        let context = CertificateContext { card_status, revoked };
        let status = certificate_status(dates.expires_on, dates.renewal_opens_on, context, today);
        let mut explanation = dates.explanation;
        if dates.renewal_opens_on.is_some() {
            explanation.push(Explanation::of(RuleId::CertificateRenewalWindow));
        }
        explanation.push(Explanation::of(RuleId::CertificateStatus));
        if status == Status::Revoked {
            explanation.push(Explanation::of(RuleId::SignatureRevocation));
        }
        CertificateGuidance {
            expires_on: dates.expires_on,
            renewal_opens_on: dates.renewal_opens_on,
            status,
            eligible_from: None,
            explanation,
        }
    };
    let user = expiries.user.map(|u| certificate(u, false));
    let signature = match expiries.signature {
        Some(sig) => Some(certificate(sig, effects.revoked)),
        None => not_eligible(s.birth_date, today)?,
    };
    Ok(Statuses { card, user, signature })
}

/// The rules of the move events that can make the card lapse, for the card's explanation.
fn lapse_rules(events: &[Event]) -> Vec<Explanation> {
    let named = events.iter().filter_map(|e| match e {
        Event::MoveToOtherMunicipality { .. } => Some(RuleId::MoveOtherMunicipality),
        Event::MoveAbroad { .. } => Some(RuleId::MoveAbroad),
        Event::MoveWithinCity { .. }
        | Event::ChangeOfDetails { .. }
        | Event::CardLost { .. }
        | Event::CardDestroyed { .. }
        | Event::PinLocked { .. } => None,
    });
    let mut rules: Vec<RuleId> = Vec::new();
    for rule in named {
        if !rules.contains(&rule) {
            rules.push(rule);
        }
    }
    rules.into_iter().map(Explanation::of).collect()
}

/// The signature certificate object when none is held (`docs/rules.md` §12): `not_eligible` with the
/// day age 15 is reached, while the citizen is under 15; otherwise none.
fn not_eligible(birth: NaiveDate, today: NaiveDate) -> Result<Option<CertificateGuidance>, DateError> {
    let eligible_from = signature_eligible_from(birth, today)?;
    if today >= eligible_from {
        return Ok(None);
    }
    Ok(Some(CertificateGuidance {
        expires_on: None,
        renewal_opens_on: None,
        status: Status::NotEligible,
        eligible_from: Some(eligible_from),
        explanation: vec![Explanation::under(RuleId::SignatureUnder15, SIGNATURE_MIN_AGE.in_force(today))],
    }))
}

/// The actions that follow from statuses (§6.3, §6.4, §7, §7.4): `renew_card`, `renew_certificates`,
/// `reissue_signature_certificate`, `apply_new_card`.
fn status_actions(
    s: &Situation,
    statuses: &Statuses,
    card_expiry: Option<NaiveDate>,
    lapses_on: Option<NaiveDate>,
) -> Result<Vec<Action>, DateError> {
    let today = s.today;
    let mut out = Vec::new();
    if let Some(card) = &statuses.card {
        let dated = Dated { status: card.status, expires_on: card.expires_on, renewal_opens_on: card.renewal_opens_on };
        out.extend(actions::renew_card(dated, today)?);
    }
    let held: Vec<(CertificateKind, Dated)> =
        [(CertificateKind::User, &statuses.user), (CertificateKind::Signature, &statuses.signature)]
            .into_iter()
            .filter_map(|(kind, cert)| cert.as_ref().map(|c| (kind, c)))
            .map(|(kind, c)| {
                (kind, Dated { status: c.status, expires_on: c.expires_on, renewal_opens_on: c.renewal_opens_on })
            })
            .collect();
    out.extend(actions::renew_certificates(&held, card_expiry, today)?);
    if statuses.signature.as_ref().is_some_and(|c| c.status == Status::Revoked) {
        out.push(actions::reissue_signature_certificate());
    }
    if let (Some(card), Some(lapsed_on)) = (&statuses.card, lapses_on) {
        if card.status == Status::Lapsed {
            let holds_certificate = s.user_certificate.is_some() || s.signature_certificate.is_some();
            out.push(actions::apply_new_card(holds_certificate, lapsed_on));
        }
    }
    Ok(out)
}

/// マイナ保険証 grace (§13): from the earlier known expiry of the held card and user certificate.
fn health_insurance(
    card_expiry: Option<NaiveDate>,
    statuses: &Statuses,
    today: NaiveDate,
    caveats: &mut Caveats,
) -> Result<Option<NaiveDate>, DateError> {
    let user_expiry = statuses.user.as_ref().and_then(|u| u.expires_on);
    let earliest = [card_expiry, user_expiry].into_iter().flatten().min();
    insurance::usable_until(earliest, today, caveats)
}
