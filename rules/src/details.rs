//! Change of name, date of birth, sex or former surname (`details.change`, leaflet ４①,
//! 番号法17条4項, `docs/rules.md` §8).

use chrono::NaiveDate;

use crate::contract::{Action, ActionId, Document, Where};
use crate::dates::{within_days, DateError};
use crate::events::{EventContext, EventOutcome};
use crate::explain::RuleId;
use crate::params::FILING_DAYS;

/// The change must be written on the card within 14 days; it ends the signature certificate
/// (R = `changed_on`), never the user certificate.
pub fn change(
    changed_on: NaiveDate,
    card_updated_on: Option<NaiveDate>,
    ctx: EventContext,
) -> Result<EventOutcome, DateError> {
    let by = within_days(changed_on, FILING_DAYS.on(changed_on))?;
    let mut outcome = EventOutcome { revocation: Some(changed_on), ..EventOutcome::default() };
    if card_updated_on.is_none() && by >= ctx.today {
        outcome.actions.push(
            Action::new(ActionId::UpdateCardDetails, RuleId::DetailsChange, Where::WardOffice)
                .by(by)
                .documents(&[Document::Card]),
        );
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::Nationality;

    use crate::testing::d;

    #[test]
    fn a_marriage_is_written_on_the_card_within_14_days() {
        let ctx =
            |today: &str| EventContext { today: d(today), nationality: Nationality::Japanese, with_certificates: true };
        let out = change(d("2025-07-07"), None, ctx("2025-07-10")).unwrap();
        assert_eq!(out.actions.first().and_then(|a| a.by), Some(d("2025-07-21")), "rules §8 example");
        assert_eq!(out.revocation, Some(d("2025-07-07")));
        assert!(change(d("2025-07-07"), None, ctx("2025-07-22")).unwrap().actions.is_empty());
        assert!(change(d("2025-07-07"), Some(d("2025-07-08")), ctx("2025-07-10")).unwrap().actions.is_empty());
    }
}
