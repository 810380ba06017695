//! The card's validity, age class and status (`card.age_class`, `card.validity`,
//! `validity.printed`, `card.status`; `docs/rules.md` §4, §6.2).

use chrono::NaiveDate;

use crate::caveats::Caveats;
use crate::contract::{Card, CaveatId, Nationality, Situation, Status, Validity};
use crate::dates::{has_reached, nth_birthday_after, plus_days, DateError};
use crate::explain::{Explanation, RuleId};
use crate::params::{ADULT_AGE, AGE_DECISION_LOOKBACK_DAYS, CARD_BIRTHDAYS};

/// The card's dates as the rules compute them, before events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardDates {
    /// Last valid day: the printed date, else the computed one; `None` when neither is known.
    pub expires_on: Option<NaiveDate>,
    pub validity: Option<Validity>,
    pub explanation: Vec<Explanation>,
}

/// Whether a card applied for (received) on `decided_on` is an adult card: the holder has reached
/// the adult age in force on that day (20 until 2022-03-31, 18 from 2022-04-01; leaflet ５①,
/// `docs/rules.md` §4; reaching an age is the day before the birthday, §3.3).
pub fn is_adult_card(birth: NaiveDate, decided_on: NaiveDate) -> Result<bool, DateError> {
    has_reached(birth, ADULT_AGE.on(decided_on), decided_on)
}

/// The card's expiry and validity class (`docs/rules.md` §4).
///
/// The class is judged on the 申請受付日, falling back on the 発行日 (ambiguity (a), flagged by
/// `age_decision_date_unknown`). The card runs to the 10th (adult) or 5th (minor) birthday after
/// its 発行日, cut at a foreign resident's end of stay; a printed date wins, flagged by
/// `printed_date_differs` when it differs from the computed one.
pub fn card_dates(s: &Situation, card: &Card, caveats: &mut Caveats) -> Result<CardDates, DateError> {
    let mut explanation = Vec::new();
    let decided_on = card.application_received_on.or(card.issued_on);
    let adult = match decided_on {
        Some(day) => Some(is_adult_card(s.birth_date, day)?),
        None => None,
    };
    let mut validity = adult.map(|a| if a { Validity::TenBirthdays } else { Validity::FiveBirthdays });
    if let Some(day) = decided_on {
        explanation.push(Explanation::under(RuleId::CardAgeClass, ADULT_AGE.in_force(day)));
    }

    let mut computed = None;
    if let (Some(issued_on), Some(adult)) = (card.issued_on, adult) {
        let birthdays_row = CARD_BIRTHDAYS.in_force(issued_on);
        let birthdays = birthdays_row.value;
        let n = if adult { birthdays.adult } else { birthdays.minor };
        let mut expiry = nth_birthday_after(issued_on, s.birth_date, n)?;
        if s.nationality == Nationality::Foreign {
            if let Some(stay_end) = s.stay_expires_on.filter(|end| *end < expiry) {
                expiry = stay_end;
                validity = Some(Validity::StayPeriod);
            }
        }
        computed = Some(expiry);
        explanation.push(Explanation::under(RuleId::CardValidity, birthdays_row));

        if card.application_received_on.is_none() {
            let lookback = AGE_DECISION_LOOKBACK_DAYS.on(issued_on);
            let earliest_receipt = plus_days(issued_on, -i64::from(lookback))?;
            if is_adult_card(s.birth_date, earliest_receipt)? != adult {
                caveats.add(CaveatId::AgeDecisionDateUnknown);
            }
        }
    }

    let expires_on = card.expires_on.or(computed);
    if let Some(printed) = card.expires_on {
        explanation.push(Explanation::of(RuleId::ValidityPrinted));
        if computed.is_some_and(|c| c != printed) {
            caveats.add(CaveatId::PrintedDateDiffers);
        }
    }
    Ok(CardDates { expires_on, validity, explanation })
}

/// What events did to the card (`docs/rules.md` §7, §9).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CardEvents {
    /// The earliest lapse of all move events, also when it lies after today.
    pub lapses_on: Option<NaiveDate>,
    /// An unfound loss whose card was stopped (by phone or at the office).
    pub suspended: bool,
}

/// The card's status on `today` (`docs/rules.md` §6.2): the first row that matches wins.
pub fn card_status(
    expires_on: Option<NaiveDate>,
    renewal_opens_on: Option<NaiveDate>,
    events: CardEvents,
    today: NaiveDate,
) -> Status {
    if events.lapses_on.is_some_and(|lapse| lapse <= today) {
        return Status::Lapsed;
    }
    if events.suspended {
        return Status::Suspended;
    }
    dated_status(expires_on, renewal_opens_on, today)
}

/// Rows 4–7 of the status table, shared by the card and the certificates: no date known →
/// `unknown`; past the expiry → `expired`; inside the window → `renewal_open`; else `valid`.
pub fn dated_status(expires_on: Option<NaiveDate>, renewal_opens_on: Option<NaiveDate>, today: NaiveDate) -> Status {
    match expires_on {
        None => Status::Unknown,
        Some(expiry) if expiry < today => Status::Expired,
        Some(_) if renewal_opens_on.is_some_and(|opens| opens <= today) => Status::RenewalOpen,
        Some(_) => Status::Valid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::d;

    fn situation(birth: &str, nationality: Nationality, stay: Option<&str>) -> Situation {
        Situation {
            today: d("2026-11-24"),
            birth_date: d(birth),
            nationality,
            stay_expires_on: stay.map(d),
            card: None,
            user_certificate: None,
            signature_certificate: None,
            events: vec![],
        }
    }

    fn card(issued: Option<&str>, received: Option<&str>, printed: Option<&str>) -> Card {
        Card {
            issued_on: issued.map(d),
            application_received_on: received.map(d),
            expires_on: printed.map(d),
            face_auth: false,
        }
    }

    /// The age class's source is the adult-age row in force on the day it was decided: a card applied for
    /// before 2022-04-01 is judged under the rule of 20 and never cites the 2022 amendment.
    #[test]
    fn the_age_class_cites_the_row_it_was_judged_under() {
        let source = |received: &str| {
            let s = situation("2003-01-10", Nationality::Japanese, None);
            let dates = card_dates(&s, &card(Some("2022-06-01"), Some(received), None), &mut Caveats::default());
            let rule = dates.unwrap().explanation.into_iter().find(|e| e.rule == RuleId::CardAgeClass);
            rule.map(|e| e.source).unwrap()
        };
        // 19 on 2021-06-01: a minor under the row of 20 (an adult under today's row of 18).
        let old = source("2021-06-01");
        assert_eq!(old, ADULT_AGE.first.source);
        assert!(!old.contains("2022"), "{old}");
        // The day the amendment took effect, and after: the amendment.
        for received in ["2022-04-01", "2022-05-01"] {
            let new = source(received);
            assert_eq!(new, ADULT_AGE.in_force(d("2022-04-01")).source);
            assert!(new.contains("2022-04-01 改正"), "{new}");
        }
        // What `RuleId::source` says of the rule is the latest row's.
        assert_eq!(RuleId::CardAgeClass.source(), ADULT_AGE.latest().source);
    }

    #[test]
    fn card_expiry_is_the_nth_birthday_after_issue() {
        // (name, birth, issued, received, expected, validity, caveat expected, source)
        let cases = [
            (
                "成人・10回目の誕生日",
                "1985-10-10",
                "2020-05-15",
                None,
                "2029-10-10",
                Validity::TenBirthdays,
                None,
                "leaflet ５①; rules §4",
            ),
            (
                "未成年・5回目の誕生日",
                "2010-04-01",
                "2020-05-15",
                None,
                "2025-04-01",
                Validity::FiveBirthdays,
                None,
                "leaflet ５①",
            ),
            (
                "発行日が誕生日・当日は数えない",
                "1985-10-10",
                "2020-10-10",
                None,
                "2030-10-10",
                Validity::TenBirthdays,
                None,
                "rules §3.2",
            ),
            (
                "閏日生まれ・平年は2月28日",
                "2000-02-29",
                "2020-05-15",
                None,
                "2030-02-28",
                Validity::TenBirthdays,
                Some(CaveatId::AgeDecisionDateUnknown),
                "rules §3.1; 20 then 18",
            ),
            (
                "18歳の誕生日の前日に受付・成人",
                "2006-11-20",
                "2024-12-10",
                Some("2024-11-19"),
                "2034-11-20",
                Validity::TenBirthdays,
                None,
                "rules §3.3, §4",
            ),
            (
                "2022年3月に19歳で受付・未成年",
                "2002-08-20",
                "2022-04-10",
                Some("2022-03-20"),
                "2026-08-20",
                Validity::FiveBirthdays,
                None,
                "rules §4 (20 until 2022-03-31)",
            ),
            (
                "2022年4月1日に19歳で受付・成人",
                "2002-08-20",
                "2022-04-20",
                Some("2022-04-01"),
                "2031-08-20",
                Validity::TenBirthdays,
                None,
                "rules §4 (18 from 2022-04-01)",
            ),
            (
                "受付日不明・183日前は未成年",
                "2006-11-20",
                "2024-12-10",
                None,
                "2034-11-20",
                Validity::TenBirthdays,
                Some(CaveatId::AgeDecisionDateUnknown),
                "rules §4",
            ),
            (
                "18歳の誕生日の前日発行・受付日不明",
                "2004-05-16",
                "2022-05-15",
                None,
                "2031-05-16",
                Validity::TenBirthdays,
                Some(CaveatId::AgeDecisionDateUnknown),
                "rules §3.3, §4",
            ),
        ];
        for (name, birth, issued, received, want, validity, caveat, source) in cases {
            let s = situation(birth, Nationality::Japanese, None);
            let mut caveats = Caveats::default();
            let got = card_dates(&s, &card(Some(issued), received, None), &mut caveats).unwrap();
            assert_eq!(got.expires_on, Some(d(want)), "{name} ({source})");
            assert_eq!(got.validity, Some(validity), "{name} ({source})");
            assert_eq!(caveats.ids(), caveat.into_iter().collect::<Vec<_>>(), "{name} ({source})");
        }
    }

    #[test]
    fn a_shorter_stay_cuts_a_foreign_residents_card() {
        let mut caveats = Caveats::default();
        let s = situation("1990-01-01", Nationality::Foreign, Some("2027-03-31"));
        let got = card_dates(&s, &card(Some("2024-04-01"), None, None), &mut caveats).unwrap();
        assert_eq!((got.expires_on, got.validity), (Some(d("2027-03-31")), Some(Validity::StayPeriod)));

        // the stay end on the birthday itself keeps the birthday class (rules §4)
        let s = situation("1990-01-01", Nationality::Foreign, Some("2034-01-01"));
        let got = card_dates(&s, &card(Some("2024-04-01"), None, None), &mut caveats).unwrap();
        assert_eq!((got.expires_on, got.validity), (Some(d("2034-01-01")), Some(Validity::TenBirthdays)));

        // ignored for Japanese nationals
        let s = situation("1990-01-01", Nationality::Japanese, Some("2027-03-31"));
        let got = card_dates(&s, &card(Some("2024-04-01"), None, None), &mut caveats).unwrap();
        assert_eq!((got.expires_on, got.validity), (Some(d("2034-01-01")), Some(Validity::TenBirthdays)));
    }

    #[test]
    fn printed_dates_win_and_unknown_dates_stay_unknown() {
        let s = situation("1985-10-10", Nationality::Japanese, None);
        let mut caveats = Caveats::default();
        let got = card_dates(&s, &card(Some("2020-05-15"), None, Some("2029-10-11")), &mut caveats).unwrap();
        assert_eq!(got.expires_on, Some(d("2029-10-11")));
        assert_eq!(caveats.ids(), vec![CaveatId::PrintedDateDiffers]);

        let mut caveats = Caveats::default();
        let got = card_dates(&s, &card(None, None, Some("2029-10-11")), &mut caveats).unwrap();
        assert_eq!((got.expires_on, got.validity), (Some(d("2029-10-11")), None));
        let got = card_dates(&s, &card(None, Some("2020-04-01"), Some("2029-10-11")), &mut caveats).unwrap();
        assert_eq!(got.validity, Some(Validity::TenBirthdays));
        let got = card_dates(&s, &card(None, None, None), &mut caveats).unwrap();
        assert_eq!((got.expires_on, got.validity), (None, None));
        assert!(caveats.ids().is_empty());
    }

    #[test]
    fn statuses_follow_the_table_order() {
        let today = d("2026-01-15");
        let (exp, opens) = (Some(d("2026-03-10")), Some(d("2025-12-11")));
        let none = CardEvents::default();
        assert_eq!(card_status(exp, opens, none, today), Status::RenewalOpen);
        assert_eq!(card_status(exp, opens, none, d("2025-12-10")), Status::Valid);
        assert_eq!(card_status(exp, opens, none, d("2026-03-10")), Status::RenewalOpen);
        assert_eq!(card_status(exp, opens, none, d("2026-03-11")), Status::Expired);
        assert_eq!(card_status(None, None, none, today), Status::Unknown);
        let lapsing = CardEvents { lapses_on: Some(d("2026-01-15")), suspended: true };
        assert_eq!(card_status(exp, opens, lapsing, today), Status::Lapsed);
        assert_eq!(card_status(exp, opens, lapsing, d("2026-01-14")), Status::Suspended);
        let suspended = CardEvents { lapses_on: None, suspended: true };
        assert_eq!(card_status(Some(d("2020-01-01")), None, suspended, today), Status::Suspended);
    }
}
