//! The validation passes of `rules.md` §16 that concern dates (4 to 8), on a typed situation.
//!
//! Passes 1–3 (JSON syntax, types, unknown and missing fields) and the text form of dates belong to
//! reading JSON (`crate::json`); a typed `Situation` has already passed them. Pass 4 is repeated
//! here for the year range, so that a channel building a `Situation` in Rust (the app) gets the
//! same errors.

use chrono::{Datelike, NaiveDate};

use crate::certificates::signature_eligible_from;
use crate::contract::{Event, Situation};
use crate::error::{ErrorCode, InputError};

/// Every date of the situation with its path, in the schema order of `rules.md` §16.
pub fn dated_fields(s: &Situation) -> Vec<(String, NaiveDate)> {
    let mut fields: Vec<(String, Option<NaiveDate>)> = vec![
        ("today".into(), Some(s.today)),
        ("birth_date".into(), Some(s.birth_date)),
        ("stay_expires_on".into(), s.stay_expires_on),
    ];
    if let Some(card) = &s.card {
        fields.push(("card.issued_on".into(), card.issued_on));
        fields.push(("card.application_received_on".into(), card.application_received_on));
        fields.push(("card.expires_on".into(), card.expires_on));
    }
    for (name, cert) in [("user_certificate", &s.user_certificate), ("signature_certificate", &s.signature_certificate)]
    {
        if let Some(cert) = cert {
            fields.push((format!("{name}.issued_on"), cert.issued_on));
            fields.push((format!("{name}.expires_on"), cert.expires_on));
        }
    }
    for (i, event) in s.events.iter().enumerate() {
        for (name, date) in event_dates(event) {
            fields.push((format!("events[{i}].{name}"), date));
        }
    }
    fields.into_iter().filter_map(|(path, date)| date.map(|d| (path, d))).collect()
}

/// An event's date fields in the contract's order.
pub fn event_dates(event: &Event) -> Vec<(&'static str, Option<NaiveDate>)> {
    match event {
        Event::MoveWithinCity { moved_on, filed_on } => vec![("moved_on", Some(*moved_on)), ("filed_on", *filed_on)],
        Event::MoveToOtherMunicipality { planned_move_out_on, moved_in_on, move_in_filed_on, card_presented_on } => {
            vec![
                ("planned_move_out_on", Some(*planned_move_out_on)),
                ("moved_in_on", *moved_in_on),
                ("move_in_filed_on", *move_in_filed_on),
                ("card_presented_on", *card_presented_on),
            ]
        }
        Event::MoveAbroad { departure_on, continued_use_applied_on } => {
            vec![("departure_on", Some(*departure_on)), ("continued_use_applied_on", *continued_use_applied_on)]
        }
        Event::ChangeOfDetails { what: _, changed_on, card_updated_on } => {
            vec![("changed_on", Some(*changed_on)), ("card_updated_on", *card_updated_on)]
        }
        Event::CardLost { lost_on, place: _, stolen: _, suspended_on, reported_on, found_on } => vec![
            ("lost_on", Some(*lost_on)),
            ("suspended_on", *suspended_on),
            ("reported_on", *reported_on),
            ("found_on", *found_on),
        ],
        Event::CardDestroyed { on, cause: _ } => vec![("on", Some(*on))],
        Event::PinLocked { pin: _, knows_other_certificate_pin: _ } => vec![],
    }
}

/// The pairs that must not be in reverse order (`rules.md` §16 pass 7): (earlier, later, reported
/// field = the later one), in the contract's order of the later field.
fn ordered_pairs(event: &Event) -> Vec<(Option<NaiveDate>, Option<NaiveDate>, &'static str)> {
    match event {
        Event::MoveWithinCity { moved_on, filed_on } => vec![(Some(*moved_on), *filed_on, "filed_on")],
        Event::MoveToOtherMunicipality { moved_in_on, move_in_filed_on, card_presented_on, .. } => vec![
            (*moved_in_on, *move_in_filed_on, "move_in_filed_on"),
            (*move_in_filed_on, *card_presented_on, "card_presented_on"),
        ],
        Event::CardLost { lost_on, found_on, .. } => vec![(Some(*lost_on), *found_on, "found_on")],
        Event::MoveAbroad { .. }
        | Event::ChangeOfDetails { .. }
        | Event::CardDestroyed { .. }
        | Event::PinLocked { .. } => {
            vec![]
        }
    }
}

/// Runs passes 4 (year range) to 8 on a typed situation; the first failing pass decides.
pub fn check(s: &Situation) -> Result<(), InputError> {
    let fields = dated_fields(s);
    // Pass 4: the contract accepts the years 0000–9999.
    if let Some((path, _)) = fields.iter().find(|(_, d)| !(0..=9999).contains(&d.year())) {
        return Err(InputError::new(ErrorCode::InvalidDate, path.clone()));
    }
    // Pass 5.
    if s.birth_date > s.today {
        return Err(InputError::new(ErrorCode::BirthAfterToday, "birth_date"));
    }
    // Pass 6: every other date on or after the birth date (dates after today are plans).
    if let Some((path, _)) = fields.iter().skip(2).find(|(_, d)| *d < s.birth_date) {
        return Err(InputError::new(ErrorCode::DateBeforeBirth, path.clone()));
    }
    // Pass 7: event by event, the later field of the first pair in reverse order.
    for (i, event) in s.events.iter().enumerate() {
        for (earlier, later, field) in ordered_pairs(event) {
            if let (Some(earlier), Some(later)) = (earlier, later) {
                if later < earlier {
                    return Err(InputError::new(ErrorCode::DatesOutOfOrder, format!("events[{i}].{field}")));
                }
            }
        }
    }
    // Pass 8: no signature certificate before age 15 is reached.
    if let Some(issued_on) = s.signature_certificate.as_ref().and_then(|c| c.issued_on) {
        let eligible_from = signature_eligible_from(s.birth_date, s.today)
            .map_err(|_| InputError::new(ErrorCode::InvalidDate, "birth_date"))?;
        if issued_on < eligible_from {
            return Err(InputError::new(ErrorCode::SignatureCertificateUnder15, "signature_certificate.issued_on"));
        }
    }
    Ok(())
}
