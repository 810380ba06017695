//! Loss, theft, suspension and finding the card again (`loss.*`, `reissue.rapid`; leaflet ６,
//! `docs/rules.md` §9, §10.1).

use chrono::NaiveDate;

use crate::contract::{Action, ActionId, Document, Place, Where};
use crate::dates::{within_days, DateError};
use crate::events::{EventContext, EventOutcome};
use crate::explain::RuleId;
use crate::params::{RAPID_REISSUE, REISSUE_FEES};

/// The parts of a `card_lost` event the rules read (only the presence of the three dates counts,
/// not how they compare with today).
#[derive(Debug, Clone, Copy)]
pub struct Loss {
    pub place: Place,
    pub stolen: bool,
    pub suspended_on: Option<NaiveDate>,
    pub reported_on: Option<NaiveDate>,
    pub found_on: Option<NaiveDate>,
}

/// A lost or stolen card: stop it by phone now (24 hours), report to the police when lost
/// outside or stolen, file a 紛失届, then apply for a reissue (normal, or rapid within 30 days of the
/// 紛失届 since 2024-12-02). A card found again after being stopped is unsuspended in person, free.
///
/// Ambiguity (`docs/rules.md` §9): for a loss at home a written account replaces the police receipt.
pub fn lost(loss: Loss, ctx: EventContext) -> Result<EventOutcome, DateError> {
    let suspended = loss.suspended_on.is_some() || loss.reported_on.is_some();
    let mut outcome = EventOutcome::default();
    if loss.found_on.is_some() {
        if suspended {
            outcome.actions.push(
                Action::new(ActionId::LiftSuspension, RuleId::LossFound, Where::WardOffice)
                    .fee(0)
                    .documents(&[Document::Card]),
            );
        }
        return Ok(outcome);
    }
    outcome.suspends = suspended;
    let with_police = loss.place == Place::Outside || loss.stolen;
    if loss.suspended_on.is_none() {
        // The line answers 24 hours a day and this is the most urgent step: due today.
        outcome.actions.push(Action::new(ActionId::SuspendCard, RuleId::LossSuspend, Where::Phone).by(ctx.today));
    }
    if with_police {
        // Nothing to bring: the police give the 受理番号 that the reissue then needs (`docs/rules.md` §9).
        outcome.actions.push(Action::new(ActionId::ReportToPolice, RuleId::LossReport, Where::Police));
    }
    if loss.reported_on.is_none() {
        outcome.actions.push(
            Action::new(ActionId::ReportLossToOffice, RuleId::LossReport, Where::WardOffice)
                .documents(&[Document::PhotoId]),
        );
    }
    let proof = if with_police { Document::PoliceReceiptNumber } else { Document::WrittenAccount };
    let documents = [Document::PhotoId, Document::Photo, proof];
    let trigger = loss.reported_on.unwrap_or(ctx.today);
    outcome.actions.push(
        Action::new(ActionId::ApplyReissue, RuleId::LossReissue, Where::WardOffice)
            .fee(REISSUE_FEES.on(trigger).total(ctx.with_certificates))
            .documents(&documents),
    );
    if let Some(reported_on) = loss.reported_on {
        if let Some(rapid) = rapid_reissue(reported_on, &documents, ctx, |r| r.fee(ctx.with_certificates))? {
            outcome.actions.push(rapid);
        }
    }
    Ok(outcome)
}

/// `apply_rapid_reissue` (`reissue.rapid`): available when the trigger falls on or after the start
/// of 特急発行 (2024-12-02), by trigger + 30 days (the first day not counted), while that is not past.
pub fn rapid_reissue(
    trigger: NaiveDate,
    documents: &[Document],
    ctx: EventContext,
    fee: impl Fn(&crate::params::RapidReissue) -> u32,
) -> Result<Option<Action>, DateError> {
    let row = RAPID_REISSUE.in_force(trigger);
    let Some(rapid) = row.value else {
        return Ok(None);
    };
    let by = within_days(trigger, rapid.window_days)?;
    if by < ctx.today {
        return Ok(None);
    }
    Ok(Some(
        Action::new(ActionId::ApplyRapidReissue, RuleId::ReissueRapid, Where::WardOffice)
            .by(by)
            .fee(fee(&rapid))
            .documents(documents)
            .source(row.source),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::Nationality;

    use crate::testing::d;

    fn ids(outcome: &EventOutcome) -> Vec<ActionId> {
        outcome.actions.iter().map(|a| a.id).collect()
    }

    #[test]
    fn a_loss_outside_reported_and_stopped() {
        let ctx = EventContext { today: d("2025-05-20"), nationality: Nationality::Japanese, with_certificates: true };
        let loss = Loss {
            place: Place::Outside,
            stolen: false,
            suspended_on: Some(d("2025-05-10")),
            reported_on: Some(d("2025-05-12")),
            found_on: None,
        };
        let out = lost(loss, ctx).unwrap();
        assert!(out.suspends);
        assert_eq!(ids(&out), vec![ActionId::ReportToPolice, ActionId::ApplyReissue, ActionId::ApplyRapidReissue]);
        let rapid = out.actions.last().unwrap();
        assert_eq!((rapid.by, rapid.fee_yen), (Some(d("2025-06-11")), Some(2000)), "rules §9 example");
        assert_eq!(out.actions[1].fee_yen, Some(1000));
    }

    #[test]
    fn a_loss_at_home_not_yet_stopped() {
        let ctx = EventContext { today: d("2025-05-11"), nationality: Nationality::Japanese, with_certificates: false };
        let loss = Loss { place: Place::Home, stolen: false, suspended_on: None, reported_on: None, found_on: None };
        let out = lost(loss, ctx).unwrap();
        assert!(!out.suspends);
        assert_eq!(ids(&out), vec![ActionId::SuspendCard, ActionId::ReportLossToOffice, ActionId::ApplyReissue]);
        assert_eq!(out.actions[0].by, Some(d("2025-05-11")));
        assert_eq!(out.actions[2].fee_yen, Some(800));
        assert!(out.actions[2].documents.contains(&Document::WrittenAccount));
    }

    #[test]
    fn found_again() {
        let ctx = EventContext { today: d("2025-05-20"), nationality: Nationality::Japanese, with_certificates: true };
        let mut loss = Loss {
            place: Place::Outside,
            stolen: true,
            suspended_on: None,
            reported_on: Some(d("2025-05-11")),
            found_on: Some(d("2025-05-15")),
        };
        assert_eq!(ids(&lost(loss, ctx).unwrap()), vec![ActionId::LiftSuspension]);
        loss.reported_on = None;
        assert!(lost(loss, ctx).unwrap().actions.is_empty(), "never stopped: nothing to lift");
    }

    #[test]
    fn no_rapid_reissue_before_2024_12_02() {
        let ctx = EventContext { today: d("2024-12-05"), nationality: Nationality::Japanese, with_certificates: true };
        let docs = [Document::PhotoId];
        assert!(rapid_reissue(d("2024-12-01"), &docs, ctx, |r| r.fee_with_certificates).unwrap().is_none());
        assert!(rapid_reissue(d("2024-12-02"), &docs, ctx, |r| r.fee_with_certificates).unwrap().is_some());
        let late = EventContext { today: d("2025-01-02"), ..ctx };
        assert!(rapid_reissue(d("2024-12-02"), &docs, late, |r| r.fee_with_certificates).unwrap().is_none());
        let last_day = EventContext { today: d("2025-01-01"), ..ctx };
        assert!(rapid_reissue(d("2024-12-02"), &docs, last_day, |r| r.fee_with_certificates).unwrap().is_some());
    }
}
