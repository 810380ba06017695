//! The validation passes of `docs/rules.md` §16 that concern dates (4 to 8), on a typed situation.
//!
//! Passes 1–3 (JSON syntax, types, unknown and missing fields) and the text form of dates belong to
//! reading JSON (`crate::json`); a typed `Situation` has already passed them. Pass 4 is repeated
//! here for the year range, so that a channel building a `Situation` in Rust (the app) gets the
//! same errors.

use chrono::{Datelike, NaiveDate};

use crate::certificates::signature_eligible_from;
use crate::contract::{CertificateKind, Event, Situation};
use crate::error::{InputError, InputErrorCode};
use crate::field::{CardField, CertificateField, EventField, FieldPath, SituationField};

/// Every date of the situation with its path, in the schema order of `docs/rules.md` §16.
pub fn dated_fields(s: &Situation) -> Vec<(FieldPath, NaiveDate)> {
    let mut fields: Vec<(FieldPath, Option<NaiveDate>)> = vec![
        (FieldPath::Situation(SituationField::Today), Some(s.today)),
        (FieldPath::Situation(SituationField::BirthDate), Some(s.birth_date)),
        (FieldPath::Situation(SituationField::StayExpiresOn), s.stay_expires_on),
    ];
    if let Some(card) = &s.card {
        fields.push((FieldPath::Card(CardField::IssuedOn), card.issued_on));
        fields.push((FieldPath::Card(CardField::ApplicationReceivedOn), card.application_received_on));
        fields.push((FieldPath::Card(CardField::ExpiresOn), card.expires_on));
    }
    for (kind, cert) in
        [(CertificateKind::User, &s.user_certificate), (CertificateKind::Signature, &s.signature_certificate)]
    {
        if let Some(cert) = cert {
            fields.push((FieldPath::Certificate(kind, CertificateField::IssuedOn), cert.issued_on));
            fields.push((FieldPath::Certificate(kind, CertificateField::ExpiresOn), cert.expires_on));
        }
    }
    for (i, event) in s.events.iter().enumerate() {
        for (field, date) in event_dates(event) {
            fields.push((FieldPath::EventField(i, field), date));
        }
    }
    fields.into_iter().filter_map(|(path, date)| date.map(|d| (path, d))).collect()
}

/// An event's date fields in the contract's order.
pub fn event_dates(event: &Event) -> Vec<(EventField, Option<NaiveDate>)> {
    use EventField as F;
    match event {
        Event::MoveWithinCity { moved_on, filed_on } => vec![(F::MovedOn, Some(*moved_on)), (F::FiledOn, *filed_on)],
        Event::MoveToOtherMunicipality { planned_move_out_on, moved_in_on, move_in_filed_on, card_presented_on } => {
            vec![
                (F::PlannedMoveOutOn, Some(*planned_move_out_on)),
                (F::MovedInOn, *moved_in_on),
                (F::MoveInFiledOn, *move_in_filed_on),
                (F::CardPresentedOn, *card_presented_on),
            ]
        }
        Event::MoveAbroad { departure_on, continued_use_applied_on } => {
            vec![(F::DepartureOn, Some(*departure_on)), (F::ContinuedUseAppliedOn, *continued_use_applied_on)]
        }
        Event::ChangeOfDetails { what: _, changed_on, card_updated_on } => {
            vec![(F::ChangedOn, Some(*changed_on)), (F::CardUpdatedOn, *card_updated_on)]
        }
        Event::CardLost { lost_on, place: _, stolen: _, suspended_on, reported_on, found_on } => vec![
            (F::LostOn, Some(*lost_on)),
            (F::SuspendedOn, *suspended_on),
            (F::ReportedOn, *reported_on),
            (F::FoundOn, *found_on),
        ],
        Event::CardDestroyed { on, cause: _ } => vec![(F::On, Some(*on))],
        Event::PinLocked { pin: _, knows_other_certificate_pin: _ } => vec![],
    }
}

/// The pairs that must not be in reverse order (`docs/rules.md` §16 pass 7): (earlier, later, reported
/// field = the later one), in the contract's order of the later field.
fn ordered_pairs(event: &Event) -> Vec<(Option<NaiveDate>, Option<NaiveDate>, EventField)> {
    match event {
        Event::MoveWithinCity { moved_on, filed_on } => vec![(Some(*moved_on), *filed_on, EventField::FiledOn)],
        Event::MoveToOtherMunicipality { moved_in_on, move_in_filed_on, card_presented_on, .. } => vec![
            (*moved_in_on, *move_in_filed_on, EventField::MoveInFiledOn),
            (*move_in_filed_on, *card_presented_on, EventField::CardPresentedOn),
        ],
        Event::CardLost { lost_on, found_on, .. } => vec![(Some(*lost_on), *found_on, EventField::FoundOn)],
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
    let birth_date = || FieldPath::Situation(SituationField::BirthDate);
    let fields = dated_fields(s);
    // Pass 4: the contract accepts the years 0000–9999.
    if let Some((path, _)) = fields.iter().find(|(_, d)| !(0..=9999).contains(&d.year())) {
        return Err(InputError::new(InputErrorCode::InvalidDate, path.clone()));
    }
    // Pass 5.
    if s.birth_date > s.today {
        return Err(InputError::new(InputErrorCode::BirthAfterToday, birth_date()));
    }
    // Pass 6: every other date on or after the birth date (dates after today are plans).
    if let Some((path, _)) = fields.iter().skip(2).find(|(_, d)| *d < s.birth_date) {
        return Err(InputError::new(InputErrorCode::DateBeforeBirth, path.clone()));
    }
    // Pass 7: event by event, the later field of the first pair in reverse order.
    for (i, event) in s.events.iter().enumerate() {
        for (earlier, later, field) in ordered_pairs(event) {
            if let (Some(earlier), Some(later)) = (earlier, later) {
                if later < earlier {
                    return Err(InputError::new(InputErrorCode::DatesOutOfOrder, FieldPath::EventField(i, field)));
                }
            }
        }
    }
    // Pass 8: no signature certificate before age 15 is reached.
    if let Some(issued_on) = s.signature_certificate.as_ref().and_then(|c| c.issued_on) {
        let eligible_from = signature_eligible_from(s.birth_date, s.today)
            .map_err(|_| InputError::new(InputErrorCode::InvalidDate, birth_date()))?;
        if issued_on < eligible_from {
            let field = FieldPath::Certificate(CertificateKind::Signature, CertificateField::IssuedOn);
            return Err(InputError::new(InputErrorCode::SignatureCertificateUnder15, field));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! Every check of passes 4–8, each with a case that passes and one that fails, and the order of the
    //! passes and of the fields within one pass.

    use super::*;
    use crate::contract::{Card, Certificate, Place};

    use crate::testing::d;

    /// Born 1990-06-15, today 2025-01-01, nothing else.
    fn base() -> Situation {
        Situation {
            today: d("2025-01-01"),
            birth_date: d("1990-06-15"),
            nationality: Default::default(),
            stay_expires_on: None,
            card: None,
            user_certificate: None,
            signature_certificate: None,
            events: vec![],
        }
    }

    fn err(s: &Situation) -> (InputErrorCode, String) {
        let e = check(s).unwrap_err();
        (e.code, e.field.to_string())
    }

    fn fails(s: &Situation, code: InputErrorCode, field: &str) {
        assert_eq!(check(s).map_err(|e| (e.code, e.field.to_string())), Err((code, field.to_owned())), "{s:?}");
    }

    /// Every date field of the contract, set to `date` (the others to a valid day after birth).
    fn all_dates(date: NaiveDate) -> Situation {
        Situation::with_every_field(date, base())
    }

    /// The paths of `all_dates`, in the schema order of docs/rules.md §16.
    const PATHS: [&str; 23] = [
        "today",
        "birth_date",
        "stay_expires_on",
        "card.issued_on",
        "card.application_received_on",
        "card.expires_on",
        "user_certificate.issued_on",
        "user_certificate.expires_on",
        "signature_certificate.issued_on",
        "signature_certificate.expires_on",
        "events[0].moved_on",
        "events[0].filed_on",
        "events[1].planned_move_out_on",
        "events[1].moved_in_on",
        "events[1].move_in_filed_on",
        "events[1].card_presented_on",
        "events[2].departure_on",
        "events[2].continued_use_applied_on",
        "events[3].changed_on",
        "events[3].card_updated_on",
        "events[4].lost_on",
        "events[4].suspended_on",
        "events[4].reported_on",
    ];

    #[test]
    fn every_date_is_listed_in_schema_order() {
        let s = all_dates(d("2020-01-01"));
        let paths: Vec<String> = dated_fields(&s).into_iter().map(|(p, _)| p.to_string()).collect();
        let mut want: Vec<String> = PATHS.iter().map(|p| (*p).to_owned()).collect();
        want.extend(["events[4].found_on", "events[5].on"].map(str::to_owned));
        assert_eq!(paths, want);
        // Absent dates are not listed.
        assert_eq!(dated_fields(&base()).len(), 2);
        assert!(check(&s).is_ok(), "every date on one day after birth is consistent: {:?}", check(&s));
    }

    #[test]
    fn pass_4_years_outside_0000_to_9999() {
        assert!(check(&Situation { today: d("9999-12-31"), ..base() }).is_ok());
        for (date, ok) in [(d("0000-01-01"), true), (d("9999-12-31"), true)] {
            let s = Situation { birth_date: date, today: d("9999-12-31"), ..base() };
            assert_eq!(check(&s).is_ok(), ok, "{date}");
        }
        let after = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        let before = NaiveDate::from_ymd_opt(-1, 12, 31).unwrap();
        fails(&Situation { today: after, ..base() }, InputErrorCode::InvalidDate, "today");
        fails(&Situation { birth_date: before, ..base() }, InputErrorCode::InvalidDate, "birth_date");
        // Any field, and the first one in schema order when several are out of range.
        let mut s = all_dates(d("2020-01-01"));
        s.events[4] = Event::CardLost {
            lost_on: d("2020-01-01"),
            place: Place::Outside,
            stolen: true,
            suspended_on: None,
            reported_on: None,
            found_on: Some(after),
        };
        fails(&s, InputErrorCode::InvalidDate, "events[4].found_on");
        s.card = Some(Card { expires_on: Some(after), ..Card::default() });
        fails(&s, InputErrorCode::InvalidDate, "card.expires_on");
        // Pass 4 comes before pass 5: a birth after today with a year past 9999 is an invalid date.
        fails(&Situation { birth_date: after, ..base() }, InputErrorCode::InvalidDate, "birth_date");
    }

    #[test]
    fn pass_5_birth_after_today() {
        assert!(check(&Situation { birth_date: d("2025-01-01"), ..base() }).is_ok(), "born today");
        fails(&Situation { birth_date: d("2025-01-02"), ..base() }, InputErrorCode::BirthAfterToday, "birth_date");
        // Before pass 6: every other date is also before this birth date.
        let s = Situation { birth_date: d("2030-01-01"), ..all_dates(d("2020-01-01")) };
        fails(&s, InputErrorCode::BirthAfterToday, "birth_date");
    }

    #[test]
    fn pass_6_each_date_before_birth_in_schema_order() {
        // On the birth date, and after today (a plan), are both fine (a signature certificate only from 15).
        let mut on_birth = all_dates(d("1990-06-15"));
        set(&mut on_birth, "signature_certificate.issued_on", d("2010-01-01"));
        assert!(check(&on_birth).is_ok(), "{:?}", check(&on_birth));
        assert!(check(&all_dates(d("2030-01-01"))).is_ok());
        // Each field alone, one day before birth.
        let early = d("1990-06-14");
        for path in PATHS.iter().skip(2) {
            let mut s = all_dates(d("2000-01-01"));
            set(&mut s, path, early);
            fails(&s, InputErrorCode::DateBeforeBirth, path);
        }
        // Several: the first in schema order.
        let mut s = all_dates(d("2000-01-01"));
        set(&mut s, "events[3].changed_on", early);
        set(&mut s, "user_certificate.expires_on", early);
        fails(&s, InputErrorCode::DateBeforeBirth, "user_certificate.expires_on");
        // Before pass 7: a found date before both the loss and the birth is a date before birth.
        let mut s = all_dates(d("2000-01-01"));
        set(&mut s, "events[4].found_on", early);
        fails(&s, InputErrorCode::DateBeforeBirth, "events[4].found_on");
    }

    /// Sets one date of `all_dates` by its path.
    fn set(s: &mut Situation, path: &str, date: NaiveDate) {
        let c = Some(date);
        match path {
            "stay_expires_on" => s.stay_expires_on = c,
            "card.issued_on" => s.card.as_mut().unwrap().issued_on = c,
            "card.application_received_on" => s.card.as_mut().unwrap().application_received_on = c,
            "card.expires_on" => s.card.as_mut().unwrap().expires_on = c,
            "user_certificate.issued_on" => s.user_certificate.as_mut().unwrap().issued_on = c,
            "user_certificate.expires_on" => s.user_certificate.as_mut().unwrap().expires_on = c,
            "signature_certificate.issued_on" => s.signature_certificate.as_mut().unwrap().issued_on = c,
            "signature_certificate.expires_on" => s.signature_certificate.as_mut().unwrap().expires_on = c,
            _ => {
                let (index, field) = path.strip_prefix("events[").unwrap().split_once("].").unwrap();
                let event = &mut s.events[index.parse::<usize>().unwrap()];
                match (event, field) {
                    (Event::MoveWithinCity { moved_on, .. }, "moved_on") => *moved_on = date,
                    (Event::MoveWithinCity { filed_on, .. }, "filed_on") => *filed_on = c,
                    (Event::MoveToOtherMunicipality { planned_move_out_on, .. }, "planned_move_out_on") => {
                        *planned_move_out_on = date
                    }
                    (Event::MoveToOtherMunicipality { moved_in_on, .. }, "moved_in_on") => *moved_in_on = c,
                    (Event::MoveToOtherMunicipality { move_in_filed_on, .. }, "move_in_filed_on") => {
                        *move_in_filed_on = c
                    }
                    (Event::MoveToOtherMunicipality { card_presented_on, .. }, "card_presented_on") => {
                        *card_presented_on = c
                    }
                    (Event::MoveAbroad { departure_on, .. }, "departure_on") => *departure_on = date,
                    (Event::MoveAbroad { continued_use_applied_on, .. }, "continued_use_applied_on") => {
                        *continued_use_applied_on = c
                    }
                    (Event::ChangeOfDetails { changed_on, .. }, "changed_on") => *changed_on = date,
                    (Event::ChangeOfDetails { card_updated_on, .. }, "card_updated_on") => *card_updated_on = c,
                    (Event::CardLost { lost_on, .. }, "lost_on") => *lost_on = date,
                    (Event::CardLost { suspended_on, .. }, "suspended_on") => *suspended_on = c,
                    (Event::CardLost { reported_on, .. }, "reported_on") => *reported_on = c,
                    (Event::CardLost { found_on, .. }, "found_on") => *found_on = c,
                    (Event::CardDestroyed { on, .. }, "on") => *on = date,
                    (event, field) => panic!("{field} of {event:?}"),
                }
            }
        }
    }

    #[test]
    fn pass_7_the_four_pairs_reported_on_the_later_field() {
        let mut s = all_dates(d("2020-01-01"));
        // Each pair: the later field one day before the earlier one fails; the same day does not.
        for (earlier, later) in [
            ("events[0].moved_on", "events[0].filed_on"),
            ("events[1].moved_in_on", "events[1].move_in_filed_on"),
            ("events[4].lost_on", "events[4].found_on"),
        ] {
            let mut bad = s.clone();
            set(&mut bad, earlier, d("2020-01-02"));
            // (move_in_filed_on also opens the next pair; keep it from failing there.)
            if later == "events[1].move_in_filed_on" {
                set(&mut bad, "events[1].card_presented_on", d("2020-01-02"));
            }
            fails(&bad, InputErrorCode::DatesOutOfOrder, later);
        }
        let mut bad = s.clone();
        set(&mut bad, "events[1].move_in_filed_on", d("2020-01-02"));
        fails(&bad, InputErrorCode::DatesOutOfOrder, "events[1].card_presented_on");
        // Both pairs of one event: the field first in the contract's order.
        set(&mut bad, "events[1].moved_in_on", d("2020-01-03"));
        fails(&bad, InputErrorCode::DatesOutOfOrder, "events[1].move_in_filed_on");
        // Other odd orders are not errors (docs/rules.md §16 pass 7).
        set(&mut s, "events[1].planned_move_out_on", d("2020-02-01")); // moved in before the planned move out
        set(&mut s, "events[4].suspended_on", d("2019-12-31")); // stopped before it was lost
        set(&mut s, "card.application_received_on", d("2020-03-01")); // received after the issue date
        set(&mut s, "events[2].continued_use_applied_on", d("2020-01-05")); // applied after departure
        assert!(check(&s).is_ok(), "{:?}", check(&s));
        // A missing date of a pair is never out of order.
        let mut s = all_dates(d("2020-01-01"));
        s.events[1] = Event::MoveToOtherMunicipality {
            planned_move_out_on: d("2020-01-01"),
            moved_in_on: None,
            move_in_filed_on: Some(d("2020-01-05")),
            card_presented_on: None,
        };
        assert!(check(&s).is_ok());
        // The first event in order.
        let mut s = all_dates(d("2020-01-01"));
        s.events.push(Event::CardLost {
            lost_on: d("2020-02-01"),
            place: Place::Home,
            stolen: false,
            suspended_on: None,
            reported_on: None,
            found_on: Some(d("2020-01-31")),
        });
        s.events.push(Event::MoveWithinCity { moved_on: d("2020-02-01"), filed_on: Some(d("2020-01-31")) });
        fails(&s, InputErrorCode::DatesOutOfOrder, "events[7].found_on");
        // Before pass 8.
        s.signature_certificate = Some(Certificate { issued_on: Some(d("1991-01-01")), ..Certificate::default() });
        assert_eq!(err(&s).0, InputErrorCode::DatesOutOfOrder);
    }

    #[test]
    fn pass_8_no_signature_certificate_before_15() {
        let signature = |issued: &str| Situation {
            signature_certificate: Some(Certificate { issued_on: Some(d(issued)), ..Certificate::default() }),
            ..base()
        };
        // Born 1990-06-15: 15 is reached on 2005-06-15 (the day before the birthday counts only for
        // ages in law; the certificate's rule is the birthday itself, docs/rules.md).
        let eligible = signature_eligible_from(d("1990-06-15"), d("2025-01-01")).unwrap();
        assert!(check(&signature(&eligible.to_string())).is_ok());
        let day_before = eligible.pred_opt().unwrap();
        fails(
            &signature(&day_before.to_string()),
            InputErrorCode::SignatureCertificateUnder15,
            "signature_certificate.issued_on",
        );
        fails(&signature("1995-01-01"), InputErrorCode::SignatureCertificateUnder15, "signature_certificate.issued_on");
        // A user certificate has no age limit, and a signature certificate without an issue date is fine.
        let user = Situation {
            user_certificate: Some(Certificate { issued_on: Some(d("1995-01-01")), ..Certificate::default() }),
            signature_certificate: Some(Certificate::default()),
            ..base()
        };
        assert!(check(&user).is_ok());
    }
}
