//! A destroyed card: disaster, damage, defect, full 追記欄 (`destroyed.reissue`, `reissue.rapid`;
//! leaflet ６②, ７④, ８, `docs/rules.md` §10).

use chrono::NaiveDate;

use crate::contract::{Action, ActionId, Cause, CaveatId, Document, Where};
use crate::dates::DateError;
use crate::events::{EventContext, EventOutcome};
use crate::explain::RuleId;
use crate::loss::rapid_reissue;
use crate::params::REISSUE_FEES;

/// Whether the holder pays for a reissue after this cause: a defect not caused by the holder and a
/// full 追記欄 are free (leaflet ８; `docs/rules.md` §10.1).
fn holder_pays(cause: Cause) -> bool {
    match cause {
        Cause::Disaster | Cause::Damage => true,
        Cause::Defect | Cause::CardFull => false,
    }
}

/// What to bring for a reissue after this cause (`docs/rules.md` §10.2).
fn documents(cause: Cause) -> &'static [Document] {
    match cause {
        Cause::Disaster => &[Document::PhotoId, Document::Photo, Document::DisasterCertificate],
        Cause::Damage => &[Document::PhotoId, Document::Photo, Document::DamagedCard],
        Cause::Defect | Cause::CardFull => &[Document::Card, Document::PhotoId],
    }
}

/// A reissue (normal, and rapid within 30 days since 2024-12-02). After a disaster the normal fee
/// is shown with the caveat `fee_waiver_possible` (leaflet ８ 「無料となることがあります」; the city
/// decides, `docs/rules.md` §10 ambiguity). The card's status stays as its dates give it.
pub fn destroyed(on: NaiveDate, cause: Cause, ctx: EventContext) -> Result<EventOutcome, DateError> {
    let documents = documents(cause);
    let pays = holder_pays(cause);
    let mut outcome = EventOutcome::default();
    let fee = if pays { REISSUE_FEES.on(on).total(ctx.with_certificates) } else { 0 };
    outcome.actions.push(
        Action::new(ActionId::ApplyReissue, RuleId::DestroyedReissue, Where::WardOffice).fee(fee).documents(documents),
    );
    let rapid_fee = |r: &crate::params::RapidReissue| if pays { r.fee(ctx.with_certificates) } else { 0 };
    if let Some(rapid) = rapid_reissue(on, documents, ctx, rapid_fee)? {
        outcome.actions.push(rapid);
    }
    if cause == Cause::Disaster {
        outcome.caveats.push(CaveatId::FeeWaiverPossible);
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::Nationality;

    use crate::testing::d;

    #[test]
    fn fees_and_documents_by_cause() {
        let ctx = EventContext { today: d("2025-05-13"), nationality: Nationality::Japanese, with_certificates: true };
        // (cause, reissue fee, rapid fee, a document that must be there, source)
        let cases = [
            (Cause::Disaster, 1000, 2000, Document::DisasterCertificate, "leaflet ６②, ８"),
            (Cause::Damage, 1000, 2000, Document::DamagedCard, "leaflet ６②"),
            (Cause::Defect, 0, 0, Document::Card, "rules §10.1"),
            (Cause::CardFull, 0, 0, Document::Card, "rules §10.1"),
        ];
        for (cause, fee, rapid_fee, doc, source) in cases {
            let out = destroyed(d("2025-05-10"), cause, ctx).unwrap();
            let fees: Vec<Option<u32>> = out.actions.iter().map(|a| a.fee_yen).collect();
            assert_eq!(fees, vec![Some(fee), Some(rapid_fee)], "{cause:?} ({source})");
            assert!(out.actions[0].documents.contains(&doc), "{cause:?} ({source})");
            assert_eq!(out.actions[1].by, Some(d("2025-06-09")));
            assert_eq!(out.caveats.contains(&CaveatId::FeeWaiverPossible), cause == Cause::Disaster);
        }
        let without = EventContext { with_certificates: false, ..ctx };
        let out = destroyed(d("2025-05-10"), Cause::Damage, without).unwrap();
        assert_eq!(out.actions.iter().map(|a| a.fee_yen).collect::<Vec<_>>(), vec![Some(800), Some(1800)]);
        assert_eq!(out.actions[1].documents, vec![Document::PhotoId, Document::Photo, Document::DamagedCard]);
    }
}
