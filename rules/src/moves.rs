//! Moves (`move.within_city`, `move.other_municipality`, `move.abroad`; leaflet ４, `docs/rules.md` §7).

use chrono::NaiveDate;

use crate::contract::{Action, ActionId, Document, Nationality, Where};
use crate::dates::{plus_days, within_days, DateError};
use crate::events::{EventContext, EventOutcome};
use crate::explain::RuleId;
use crate::params::{CONTINUED_USE_ABROAD, FILING_DAYS, MOVE_OUT_DAYS, PRESENTATION_DAYS};

/// A 転居 inside Kawasaki, also between two wards (住民基本台帳法23条, `docs/rules.md` §7.1): file the
/// 転居届 with the card within 14 days. No lapse; the signature certificate ends when the move is
/// filed (R = `filed_on`).
pub fn within_city(
    moved_on: NaiveDate,
    filed_on: Option<NaiveDate>,
    ctx: EventContext,
) -> Result<EventOutcome, DateError> {
    let by = within_days(moved_on, FILING_DAYS.on(moved_on))?;
    let mut outcome = EventOutcome { revocation: filed_on, ..EventOutcome::default() };
    if filed_on.is_none() && by >= ctx.today {
        outcome.actions.push(
            Action::new(ActionId::FileMoveWithinCity, RuleId::MoveWithinCity, Where::WardOffice)
                .by(by)
                .documents(&[Document::Card]),
        );
    }
    Ok(outcome)
}

/// The dates of a 転出 to another municipality and the 転入 there.
#[derive(Debug, Clone, Copy)]
pub struct OtherMunicipality {
    pub planned_move_out_on: NaiveDate,
    pub moved_in_on: Option<NaiveDate>,
    pub move_in_filed_on: Option<NaiveDate>,
    pub card_presented_on: Option<NaiveDate>,
}

/// A move to another municipality (leaflet ４②, 番号法施行令14条, `docs/rules.md` §7.2).
///
/// The card lapses when no 転入届 is made by the earlier of planned move-out + 30 days and
/// move-in + 14 days (the law's 「14日を経過」: filing on day 14 is in time, ambiguity (c)), or when
/// the card is not presented within 90 days of the 転入届. Deadlines are not shifted off closed
/// days (ambiguity (a)). The signature certificate ends on the planned move-out date (ambiguity (b)).
pub fn to_other_municipality(m: OtherMunicipality, ctx: EventContext) -> Result<EventOutcome, DateError> {
    let after_move_out = within_days(m.planned_move_out_on, MOVE_OUT_DAYS.on(m.planned_move_out_on))?;
    let deadline = match m.moved_in_on {
        Some(moved_in) => after_move_out.min(within_days(moved_in, FILING_DAYS.on(moved_in))?),
        None => after_move_out,
    };
    let mut outcome = EventOutcome { revocation: Some(m.planned_move_out_on), ..EventOutcome::default() };
    match m.move_in_filed_on {
        Some(filed) if filed <= deadline => {
            let present_by = within_days(filed, PRESENTATION_DAYS.on(filed))?;
            let presented_in_time = m.card_presented_on.is_some_and(|p| p <= present_by);
            if !presented_in_time {
                outcome.lapse = Some(plus_days(present_by, 1)?);
            }
            if m.card_presented_on.is_none() && present_by >= ctx.today {
                outcome.actions.push(
                    Action::new(ActionId::PresentCardAfterMove, RuleId::MoveOtherMunicipality, Where::WardOffice)
                        .by(present_by)
                        .documents(&[Document::Card]),
                );
            }
        }
        Some(_) => outcome.lapse = Some(plus_days(deadline, 1)?),
        None => {
            outcome.lapse = Some(plus_days(deadline, 1)?);
            if deadline >= ctx.today {
                outcome.actions.push(
                    Action::new(ActionId::FileMoveIn, RuleId::MoveOtherMunicipality, Where::WardOffice)
                        .by(deadline)
                        .documents(&[Document::Card]),
                );
            }
        }
    }
    Ok(outcome)
}

/// A move abroad (国外転出, `docs/rules.md` §7.3). A Japanese national keeps the card if 国外継続利用
/// was applied for no later than the day before departure; otherwise, and always for a foreign
/// national, the card lapses on the departure date. The signature certificate ends on departure
/// for everyone.
pub fn abroad(
    departure_on: NaiveDate,
    applied_on: Option<NaiveDate>,
    ctx: EventContext,
) -> Result<EventOutcome, DateError> {
    let can_continue = ctx.nationality == Nationality::Japanese && CONTINUED_USE_ABROAD.on(departure_on);
    let continued = can_continue && applied_on.is_some_and(|applied| applied < departure_on);
    let mut outcome = EventOutcome {
        lapse: if continued { None } else { Some(departure_on) },
        revocation: Some(departure_on),
        ..EventOutcome::default()
    };
    let apply_by = plus_days(departure_on, -1)?;
    if can_continue && applied_on.is_none() && apply_by >= ctx.today {
        outcome.actions.push(
            Action::new(ActionId::ApplyContinuedUseAbroad, RuleId::MoveAbroad, Where::WardOffice)
                .by(apply_by)
                .documents(&[Document::Card]),
        );
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::d;

    fn ctx(today: &str, nationality: Nationality) -> EventContext {
        EventContext { today: d(today), nationality, with_certificates: true }
    }

    fn other(planned: &str, moved_in: Option<&str>, filed: Option<&str>, presented: Option<&str>) -> OtherMunicipality {
        OtherMunicipality {
            planned_move_out_on: d(planned),
            moved_in_on: moved_in.map(d),
            move_in_filed_on: filed.map(d),
            card_presented_on: presented.map(d),
        }
    }

    #[test]
    fn moving_within_the_city() {
        let out = within_city(d("2025-06-10"), None, ctx("2025-06-12", Nationality::Japanese)).unwrap();
        assert_eq!(out.actions.first().and_then(|a| a.by), Some(d("2025-06-24")), "rules §7.1");
        assert_eq!((out.lapse, out.revocation), (None, None));
        let late = within_city(d("2025-06-10"), None, ctx("2025-06-25", Nationality::Japanese)).unwrap();
        assert!(late.actions.is_empty(), "a passed deadline is not listed");
        let filed =
            within_city(d("2025-06-10"), Some(d("2025-06-11")), ctx("2025-06-12", Nationality::Japanese)).unwrap();
        assert_eq!((filed.actions.len(), filed.revocation), (0, Some(d("2025-06-11"))));
    }

    #[test]
    fn moving_to_another_municipality() {
        // (name, move, today, lapse, action id and by, source)
        let cases = [
            (
                "転入日から14日が先",
                other("2025-04-01", Some("2025-04-25"), None, None),
                "2025-04-20",
                Some("2025-05-02"),
                Some((ActionId::FileMoveIn, "2025-05-01")),
                "rules §7.2",
            ),
            (
                "転入日+14日は間に合う",
                other("2025-04-01", Some("2025-04-10"), Some("2025-04-24"), Some("2025-05-01")),
                "2025-05-02",
                None,
                None,
                "rules §7.2, §17",
            ),
            (
                "転入日+15日は遅れ",
                other("2025-04-01", Some("2025-04-10"), Some("2025-04-25"), None),
                "2025-05-02",
                Some("2025-04-25"),
                None,
                "rules §7.2",
            ),
            (
                "転入届のあと提示待ち",
                other("2025-03-20", Some("2025-03-28"), Some("2025-04-01"), None),
                "2025-04-02",
                Some("2025-07-01"),
                Some((ActionId::PresentCardAfterMove, "2025-06-30")),
                "rules §7.2",
            ),
            (
                "91日目の提示は遅れ",
                other("2025-03-20", Some("2025-03-28"), Some("2025-04-01"), Some("2025-07-01")),
                "2025-07-02",
                Some("2025-07-01"),
                None,
                "rules §7.2",
            ),
            (
                "何も出さず30日経過",
                other("2025-01-31", None, None, None),
                "2025-03-05",
                Some("2025-03-03"),
                None,
                "rules §7.2, §3.6",
            ),
        ];
        for (name, m, today, lapse, act, source) in cases {
            let out = to_other_municipality(m, ctx(today, Nationality::Japanese)).unwrap();
            assert_eq!(out.lapse, lapse.map(d), "{name} ({source})");
            let got = out.actions.first().map(|a| (a.id, a.by));
            assert_eq!(got, act.map(|(id, by)| (id, Some(d(by)))), "{name} ({source})");
            assert_eq!(out.revocation, Some(m.planned_move_out_on));
        }
    }

    #[test]
    fn moving_abroad() {
        let japanese = abroad(d("2025-09-01"), None, ctx("2025-08-01", Nationality::Japanese)).unwrap();
        assert_eq!(japanese.lapse, Some(d("2025-09-01")));
        assert_eq!(japanese.actions.first().and_then(|a| a.by), Some(d("2025-08-31")));
        let applied = abroad(d("2025-09-01"), Some(d("2025-08-31")), ctx("2025-08-01", Nationality::Japanese)).unwrap();
        assert_eq!((applied.lapse, applied.actions.len()), (None, 0));
        let on_the_day =
            abroad(d("2025-09-01"), Some(d("2025-09-01")), ctx("2025-08-01", Nationality::Japanese)).unwrap();
        assert_eq!(on_the_day.lapse, Some(d("2025-09-01")), "applied on the departure day: too late");
        let foreign = abroad(d("2025-09-01"), Some(d("2025-08-01")), ctx("2025-08-01", Nationality::Foreign)).unwrap();
        assert_eq!((foreign.lapse, foreign.actions.len()), (Some(d("2025-09-01")), 0));
        assert_eq!(foreign.revocation, Some(d("2025-09-01")));
    }
}
