//! The rules engine of the My Number Card guide: a citizen's situation in, guidance out.
//!
//! `guide` implements `rules.md` through the types of `contract.md` (module [`contract`]). It is
//! pure: no clock (`today` is an input), no I/O, no panics. Each outcome carries the rule that
//! decided it and its source. The order of evaluation is `rules.md` §14.1.
//!
//! ```
//! use rules::{guide, contract::{Situation, Card, Certificate, Status}, dates::ymd};
//! let situation = Situation {
//!     today: ymd(2026, 11, 24),
//!     birth_date: ymd(1985, 10, 10),
//!     nationality: Default::default(),
//!     stay_expires_on: None,
//!     card: Some(Card { issued_on: Some(ymd(2020, 5, 15)), ..Default::default() }),
//!     user_certificate: Some(Certificate { issued_on: Some(ymd(2020, 5, 15)), ..Default::default() }),
//!     signature_certificate: None,
//!     events: vec![],
//! };
//! let guidance = guide(&situation).unwrap();
//! let card = guidance.card.unwrap();
//! assert_eq!(card.expires_on, Some(ymd(2029, 10, 10)));
//! assert_eq!(card.status, Status::Valid);
//! assert_eq!(guidance.user_certificate.unwrap().status, Status::Expired);
//! ```

#![forbid(unsafe_code)]

pub mod actions;
pub mod calendar;
pub mod card;
pub mod certificates;
pub mod contract;
pub mod dates;
pub mod destroyed;
pub mod details;
pub mod era;
pub mod error;
pub mod events;
pub mod explain;
pub mod field;
pub mod figures;
pub mod insurance;
pub mod iso;
#[cfg(feature = "cli")]
pub mod json;
pub mod loss;
pub mod moves;
pub mod params;
pub mod password;
pub mod pin;
pub mod validate;

use chrono::NaiveDate;

use crate::actions::Dated;
use crate::certificates::{certificate_expiry, certificate_status, signature_eligible_from, CertificateContext};
use crate::contract::{
    Action, CardGuidance, Caveat, CaveatId, CertificateGuidance, CertificateKind, Guidance, Situation, Status,
};
use crate::dates::{age_on, forward_renewal_opens_on, is_feb29, renewal_opens_on, DateError};
use crate::error::{ErrorCode, InputError};
use crate::events::{EventContext, EventOutcome};
use crate::explain::{Explanation, RuleId};
use crate::params::RENEWAL_WINDOW_MONTHS;

pub use crate::field::{CardField, CertificateField, EventField, FieldPath, Object, SituationField};
pub use crate::password::check_password;

/// The caveats found so far: unique, kept sorted by id (`rules.md` §14.3).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caveats(Vec<CaveatId>);

impl Caveats {
    pub fn add(&mut self, id: CaveatId) {
        if let Err(at) = self.0.binary_search(&id) {
            self.0.insert(at, id);
        }
    }

    /// The ids, sorted.
    pub fn ids(&self) -> Vec<CaveatId> {
        self.0.clone()
    }

    fn into_output(self) -> Vec<Caveat> {
        self.0.into_iter().map(|id| Caveat { id, rule: id.rule() }).collect()
    }
}

/// Evaluates a situation (`contract.md`): the guidance, or the input error that prevents it.
pub fn guide(s: &Situation) -> Result<Guidance, InputError> {
    validate::check(s)?;
    // Unreachable for dates in 0000–9999 (property-tested); reported rather than panicking.
    evaluate(s).map_err(|_: DateError| InputError::new(ErrorCode::InvalidDate, field::FieldPath::Document))
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

/// A held certificate's dates before statuses.
struct CertificateDates {
    expires_on: Option<NaiveDate>,
    renewal_opens_on: Option<NaiveDate>,
    issued_on: Option<NaiveDate>,
    explanation: Vec<Explanation>,
}

fn evaluate(s: &Situation) -> Result<Guidance, DateError> {
    let today = s.today;
    let mut caveats = Caveats::default();
    if is_feb29(s.birth_date) {
        caveats.add(CaveatId::Feb29Birthday);
    }
    let age = age_on(s.birth_date, today)?;

    // Card and certificate expiries (§4, §5), then the renewal opening days (§3.8).
    let card_dates = match &s.card {
        Some(card) => Some(card::card_dates(s, card, &mut caveats)?),
        None => None,
    };
    let card_expiry = card_dates.as_ref().and_then(|c| c.expires_on);
    let certificate = |cert: &contract::Certificate, caps: &[Option<NaiveDate>], caveats: &mut Caveats| {
        let (expires_on, explanation) = certificate_expiry(s.birth_date, cert, caps, caveats)?;
        Ok::<_, DateError>(CertificateDates {
            expires_on,
            renewal_opens_on: None,
            issued_on: cert.issued_on,
            explanation,
        })
    };
    let mut user = match &s.user_certificate {
        Some(cert) => Some(certificate(cert, &[card_expiry], &mut caveats)?),
        None => None,
    };
    let user_expiry = user.as_ref().and_then(|u| u.expires_on);
    let mut signature = match &s.signature_certificate {
        Some(cert) => Some(certificate(cert, &[card_expiry, user_expiry], &mut caveats)?),
        None => None,
    };
    let card_opens = window(card_expiry, &mut caveats)?;
    for cert in [&mut user, &mut signature].into_iter().flatten() {
        cert.renewal_opens_on = window(cert.expires_on, &mut caveats)?;
    }

    // Events (§7–§11), only with a card, in input order.
    let mut outcomes: Vec<EventOutcome> = Vec::new();
    if let Some(card) = &s.card {
        let ctx = EventContext {
            today,
            nationality: s.nationality,
            with_certificates: s.user_certificate.is_some() || s.signature_certificate.is_some() || card.face_auth,
        };
        for event in &s.events {
            outcomes.push(events::evaluate(event, ctx)?);
        }
    }
    let lapses_on = outcomes.iter().filter_map(|o| o.lapse).min();
    let suspended = outcomes.iter().any(|o| o.suspends);
    let signature_issued_on = signature.as_ref().and_then(|c| c.issued_on);
    let revoked = signature.is_some()
        && outcomes
            .iter()
            .filter_map(|o| o.revocation)
            .any(|r| r <= today && signature_issued_on.is_none_or(|issued| issued <= r));
    let mut actions: Vec<Action> = Vec::new();
    for outcome in outcomes {
        actions.extend(outcome.actions);
        outcome.caveats.into_iter().for_each(|c| caveats.add(c));
    }

    // Statuses (§6.2): the card first, then the certificates on it.
    let card_out = match card_dates {
        Some(dates) => {
            let status =
                card::card_status(dates.expires_on, card_opens, card::CardEvents { lapses_on, suspended }, today);
            let mut explanation = dates.explanation;
            if card_opens.is_some() {
                explanation.push(Explanation::of(RuleId::CardRenewalWindow));
            }
            explanation.push(Explanation::of(RuleId::CardStatus));
            if lapses_on.is_some() {
                explanation.extend(lapse_rules(s));
            }
            if status == Status::Suspended {
                explanation.push(Explanation::of(RuleId::LossSuspend));
            }
            Some(CardGuidance {
                expires_on: dates.expires_on,
                renewal_opens_on: card_opens,
                status,
                lapses_on,
                validity: dates.validity,
                explanation,
            })
        }
        None => None,
    };
    let card_status = card_out.as_ref().map(|c| c.status);
    let certificate_out = |dates: CertificateDates, revoked: bool| {
        let status = certificate_status(
            dates.expires_on,
            dates.renewal_opens_on,
            CertificateContext { card_status, revoked },
            today,
        );
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
    let user_out = user.map(|u| certificate_out(u, false));
    let signature_out = match signature {
        Some(sig) => Some(certificate_out(sig, revoked)),
        None => not_eligible(s.birth_date, today)?,
    };

    // Actions that follow from statuses (§6.3, §6.4, §7, §7.4).
    if let Some(card) = &card_out {
        let dated = Dated { status: card.status, expires_on: card.expires_on, renewal_opens_on: card.renewal_opens_on };
        actions.extend(actions::renew_card(dated, today)?);
    }
    let held: Vec<(CertificateKind, Dated)> =
        [(CertificateKind::User, &user_out), (CertificateKind::Signature, &signature_out)]
            .into_iter()
            .filter_map(|(kind, cert)| cert.as_ref().map(|c| (kind, c)))
            .map(|(kind, c)| {
                (kind, Dated { status: c.status, expires_on: c.expires_on, renewal_opens_on: c.renewal_opens_on })
            })
            .collect();
    actions.extend(actions::renew_certificates(&held, card_expiry, today)?);
    if signature_out.as_ref().is_some_and(|c| c.status == Status::Revoked) {
        actions.push(actions::reissue_signature_certificate());
    }
    if let (Some(card), Some(lapsed_on)) = (&card_out, lapses_on) {
        if card.status == Status::Lapsed {
            let holds_certificate = s.user_certificate.is_some() || s.signature_certificate.is_some();
            actions.push(actions::apply_new_card(holds_certificate, lapsed_on));
        }
    }

    // マイナ保険証 grace (§13): the earlier known expiry of the held card and user certificate.
    let user_expiry_out = user_out.as_ref().and_then(|u| u.expires_on);
    let earliest = [card_expiry, user_expiry_out].into_iter().flatten().min();
    let health_insurance_usable_until = insurance::usable_until(earliest, today, &mut caveats)?;

    actions::name_closed_days(&mut actions);
    actions::sort_actions(&mut actions);
    Ok(Guidance {
        as_of: today,
        rules_version: params::rules_version(),
        age,
        card: card_out,
        user_certificate: user_out,
        signature_certificate: signature_out,
        health_insurance_usable_until,
        actions,
        caveats: caveats.into_output(),
    })
}

/// The rules of the move events that can make the card lapse, for the card's explanation.
fn lapse_rules(s: &Situation) -> Vec<Explanation> {
    let named = s.events.iter().filter_map(|e| match e {
        contract::Event::MoveToOtherMunicipality { .. } => Some(RuleId::MoveOtherMunicipality),
        contract::Event::MoveAbroad { .. } => Some(RuleId::MoveAbroad),
        contract::Event::MoveWithinCity { .. }
        | contract::Event::ChangeOfDetails { .. }
        | contract::Event::CardLost { .. }
        | contract::Event::CardDestroyed { .. }
        | contract::Event::PinLocked { .. } => None,
    });
    let mut rules: Vec<RuleId> = Vec::new();
    for rule in named {
        if !rules.contains(&rule) {
            rules.push(rule);
        }
    }
    rules.into_iter().map(Explanation::of).collect()
}

/// The signature certificate object when none is held (`rules.md` §12): `not_eligible` with the
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
        explanation: vec![Explanation::under(RuleId::SignatureUnder15, params::SIGNATURE_MIN_AGE.in_force(today))],
    }))
}
