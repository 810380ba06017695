//! Building and ordering actions (`docs/contract.md` "Actions", `docs/rules.md` §14.2), and the actions that
//! follow from statuses: `renew_card`, `renew_certificates` (§6.3, §6.4),
//! `reissue_signature_certificate` (§7) and `apply_new_card` (§7.4).

use chrono::NaiveDate;

use crate::calendar::closed;
use crate::contract::{Action, ActionId, CertificateKind, Document, Status, Where};
use crate::dates::{months_before, plus_days, DateError};
use crate::explain::RuleId;
use crate::params::{CARD_PRODUCTION_MONTHS, REISSUE_FEES, RENEWAL_LEAD_DAYS};

impl Action {
    /// A new action with no dates, no fee and no documents; the rule gives its source.
    pub fn new(id: ActionId, rule: RuleId, place: Where) -> Action {
        Action {
            id,
            from: None,
            by: None,
            apply_by: None,
            by_closed: None,
            certificates: None,
            place,
            fee_yen: None,
            documents: Vec::new(),
            rule,
            source: rule.source().to_owned(),
        }
    }

    /// The last day still in time.
    pub fn by(mut self, by: NaiveDate) -> Self {
        self.by = Some(by);
        self
    }

    /// The source of the parameter row the action was judged under, in place of the rule's own.
    pub fn source(mut self, source: &str) -> Self {
        self.source = source.to_owned();
        self
    }

    pub fn fee(mut self, yen: u32) -> Self {
        self.fee_yen = Some(yen);
        self
    }

    pub fn documents(mut self, documents: &[Document]) -> Self {
        self.documents = documents.to_vec();
        self
    }
}

/// The step of an action in the order things are done (`docs/rules.md` §14.2, the steps table): a
/// loss is stopped, then reported to the police, then to the office, before the reissue that needs
/// both reports.
fn step(id: ActionId) -> u8 {
    match id {
        ActionId::SuspendCard => 0,
        ActionId::ReportToPolice => 1,
        ActionId::ReportLossToOffice => 2,
        ActionId::FileMoveWithinCity | ActionId::FileMoveIn | ActionId::ApplyContinuedUseAbroad => 3,
        ActionId::PresentCardAfterMove | ActionId::UpdateCardDetails | ActionId::LiftSuspension => 4,
        ActionId::ReissueSignatureCertificate => 5,
        ActionId::ApplyRapidReissue | ActionId::ApplyReissue | ActionId::ApplyNewCard => 6,
        ActionId::RenewCard | ActionId::RenewCertificates => 7,
        ActionId::ResetPin => 8,
    }
}

/// Whether the reissue needs this report first, so that it sorts with the reissue's deadline.
fn needed_by_reissue(id: ActionId) -> bool {
    matches!(id, ActionId::ReportToPolice | ActionId::ReportLossToOffice)
}

/// Puts the actions in the order a citizen can follow (`docs/rules.md` §14.2, `actions.order`): by the
/// sorting deadline ascending (`null` last), then by step, then by id (byte order); the stable sort
/// keeps the input order of the events that produced equal keys. The sorting deadline is `by`,
/// except that the police and office reports take the earliest `by` of a reissue when that is
/// sooner (the reissue cannot be applied for without them).
pub fn sort_actions(actions: &mut [Action]) {
    let reissue_by = actions
        .iter()
        .filter(|a| matches!(a.id, ActionId::ApplyReissue | ActionId::ApplyRapidReissue))
        .filter_map(|a| a.by)
        .min();
    let deadline = |a: &Action| match (a.by, reissue_by) {
        (Some(own), Some(reissue)) if needed_by_reissue(a.id) => Some(own.min(reissue)),
        (None, Some(reissue)) if needed_by_reissue(a.id) => Some(reissue),
        (own, _) => own,
    };
    stable_sort_by_key(actions, |a| {
        let d = deadline(a);
        (d.is_none(), d, step(a.id), a.id)
    });
}

/// Fills in what every action says about its deadline (`docs/rules.md` §14.2): whether offices are
/// closed on `by` (§3.7). The engine never moves the date itself.
pub fn name_closed_days(actions: &mut [Action]) {
    for a in actions {
        a.by_closed = a.by.and_then(closed);
    }
}

/// A stable insertion sort. The lists sorted here hold a handful of items, and the standard
/// library's sort adds several kilobytes of code to the app's wasm per element type (docs/design.md §7).
pub fn stable_sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && items.get(j - 1).map(&key) > items.get(j).map(&key) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Whether `today` is inside the lead time before a renewal window opens, or later.
fn renewal_is_near(renewal_opens_on: NaiveDate, today: NaiveDate) -> Result<bool, DateError> {
    let lead = RENEWAL_LEAD_DAYS.on(today);
    Ok(today >= plus_days(renewal_opens_on, -i64::from(lead))?)
}

/// The card's status and dates, as the renewal actions need them.
#[derive(Debug, Clone, Copy)]
pub struct Dated {
    pub status: Status,
    pub expires_on: Option<NaiveDate>,
    pub renewal_opens_on: Option<NaiveDate>,
}

/// `renew_card` (`card.renewal`, `docs/rules.md` §6.3): a card that is neither lapsed, suspended nor
/// of unknown dates, from 60 days before its window opens; after expiry without a deadline.
pub fn renew_card(card: Dated, today: NaiveDate) -> Result<Option<Action>, DateError> {
    if matches!(card.status, Status::Lapsed | Status::Suspended | Status::Unknown) {
        return Ok(None);
    }
    let (Some(expires_on), Some(opens)) = (card.expires_on, card.renewal_opens_on) else {
        return Ok(None);
    };
    if !renewal_is_near(opens, today)? {
        return Ok(None);
    }
    let mut renew = Action::new(ActionId::RenewCard, RuleId::CardRenewal, Where::WardOffice)
        .fee(0)
        .documents(&[Document::Card, Document::RenewalNotice]);
    renew.from = Some(opens);
    renew.by = Some(expires_on).filter(|e| *e >= today);
    renew.apply_by = match renew.by {
        // A new card takes about a month: apply that long before the deadline, unless that day is
        // already past (or before the window opens): then apply now, shown as no `apply_by`.
        Some(by) => Some(months_before(by, CARD_PRODUCTION_MONTHS.on(today))?)
            .filter(|apply_by| *apply_by >= today && *apply_by >= opens),
        None => None,
    };
    Ok(Some(renew))
}

/// `renew_certificates` (`certificate.renewal`, `docs/rules.md` §6.4): one action for the certificates
/// near or in their window, or expired, that end before the card (a certificate ending with the
/// card is renewed with it).
pub fn renew_certificates(
    certificates: &[(CertificateKind, Dated)],
    card_expires_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Option<Action>, DateError> {
    let mut kinds = Vec::new();
    let mut from: Option<NaiveDate> = None;
    let mut by: Option<NaiveDate> = None;
    for (kind, cert) in certificates {
        let eligible_status = !matches!(
            cert.status,
            Status::Lapsed | Status::Revoked | Status::Suspended | Status::Unknown | Status::NotEligible
        );
        let (Some(expires_on), Some(opens)) = (cert.expires_on, cert.renewal_opens_on) else {
            continue;
        };
        let before_card = card_expires_on.is_none_or(|card| expires_on < card);
        if eligible_status && before_card && renewal_is_near(opens, today)? {
            kinds.push(*kind);
            from = Some(from.map_or(opens, |f| f.min(opens)));
            by = Some(by.map_or(expires_on, |b| b.min(expires_on)));
        }
    }
    if kinds.is_empty() {
        return Ok(None);
    }
    let mut renew = Action::new(ActionId::RenewCertificates, RuleId::CertificateRenewal, Where::WardOffice)
        .fee(0)
        .documents(&[Document::Card, Document::RenewalNotice]);
    renew.certificates = Some(kinds);
    renew.from = from;
    renew.by = by.filter(|b| *b >= today);
    Ok(Some(renew))
}

/// `reissue_signature_certificate` (`signature.reissue`, `docs/rules.md` §7): free, same day, with the card.
pub fn reissue_signature_certificate() -> Action {
    Action::new(ActionId::ReissueSignatureCertificate, RuleId::SignatureReissue, Where::WardOffice)
        .fee(0)
        .documents(&[Document::Card])
}

/// `apply_new_card` (`card.new_after_lapse`, `docs/rules.md` §7.4): a lapsed card cannot be revived; the
/// fee is the reissue fee, with certificates when one is held (the face-authentication flag does not
/// count here).
pub fn apply_new_card(holds_certificate: bool, lapsed_on: NaiveDate) -> Action {
    Action::new(ActionId::ApplyNewCard, RuleId::CardNewAfterLapse, Where::WardOffice)
        .fee(REISSUE_FEES.on(lapsed_on).total(holds_certificate))
        .documents(&[Document::PhotoId, Document::Photo])
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::d;

    fn ids(actions: &[Action]) -> Vec<ActionId> {
        actions.iter().map(|a| a.id).collect()
    }

    #[test]
    fn actions_come_in_the_order_a_citizen_can_follow() {
        // docs/rules.md §9's example: the police report sorts with the rapid reissue that needs its 受理番号.
        let mut actions = vec![
            Action::new(ActionId::ApplyReissue, RuleId::LossReissue, Where::WardOffice),
            Action::new(ActionId::ReportToPolice, RuleId::LossReport, Where::Police),
            Action::new(ActionId::ApplyRapidReissue, RuleId::ReissueRapid, Where::WardOffice).by(d("2025-06-11")),
            Action::new(ActionId::SuspendCard, RuleId::LossSuspend, Where::Phone).by(d("2025-05-20")),
        ];
        sort_actions(&mut actions);
        assert_eq!(
            ids(&actions),
            vec![ActionId::SuspendCard, ActionId::ReportToPolice, ActionId::ApplyRapidReissue, ActionId::ApplyReissue]
        );
    }

    #[test]
    fn without_a_dated_reissue_the_reports_still_come_before_it_by_step() {
        // All undated: steps decide (police 1, office 2, reissue 6), not the ids' byte order.
        let mut actions = vec![
            Action::new(ActionId::ApplyReissue, RuleId::LossReissue, Where::WardOffice),
            Action::new(ActionId::ReportToPolice, RuleId::LossReport, Where::Police),
            Action::new(ActionId::ReportLossToOffice, RuleId::LossReport, Where::WardOffice),
        ];
        sort_actions(&mut actions);
        assert_eq!(ids(&actions), vec![ActionId::ReportToPolice, ActionId::ReportLossToOffice, ActionId::ApplyReissue]);
    }

    #[test]
    fn only_the_reports_borrow_the_reissue_deadline() {
        // A dated move filing keeps its own date; an undated PIN reset stays last; a report
        // borrows the rapid reissue's earlier date.
        let mut actions = vec![
            Action::new(ActionId::ResetPin, RuleId::PinReset, Where::WardOffice),
            Action::new(ActionId::ApplyRapidReissue, RuleId::ReissueRapid, Where::WardOffice).by(d("2025-06-11")),
            Action::new(ActionId::FileMoveWithinCity, RuleId::MoveWithinCity, Where::WardOffice).by(d("2025-06-20")),
            Action::new(ActionId::ReportLossToOffice, RuleId::LossReport, Where::WardOffice),
        ];
        sort_actions(&mut actions);
        assert_eq!(
            ids(&actions),
            vec![
                ActionId::ReportLossToOffice,
                ActionId::ApplyRapidReissue,
                ActionId::FileMoveWithinCity,
                ActionId::ResetPin
            ]
        );
    }

    #[test]
    fn equal_keys_keep_the_order_of_their_events() {
        let mut actions = vec![
            Action::new(ActionId::ApplyReissue, RuleId::LossReissue, Where::WardOffice).fee(1000),
            Action::new(ActionId::ApplyReissue, RuleId::DestroyedReissue, Where::WardOffice).fee(0),
        ];
        sort_actions(&mut actions);
        assert_eq!(actions.iter().map(|a| a.fee_yen).collect::<Vec<_>>(), vec![Some(1000), Some(0)]);
    }

    #[test]
    fn closed_days_are_named_never_moved() {
        let mut actions = vec![
            Action::new(ActionId::SuspendCard, RuleId::LossSuspend, Where::Phone).by(d("2026-12-31")),
            Action::new(ActionId::ApplyReissue, RuleId::LossReissue, Where::WardOffice),
        ];
        name_closed_days(&mut actions);
        assert_eq!(actions[0].by, Some(d("2026-12-31")));
        assert_eq!(actions[0].by_closed, Some(crate::calendar::Closed::YearEnd));
        assert_eq!(actions[1].by_closed, None, "no deadline, nothing to name");
    }

    #[test]
    fn the_insertion_sort_is_stable() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        stable_sort_by_key(&mut items, |x| x.0);
        assert_eq!(items, vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut empty: Vec<u8> = vec![];
        stable_sort_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }

    #[test]
    fn renew_card_appears_sixty_days_before_the_window() {
        let card =
            Dated { status: Status::Valid, expires_on: Some(d("2030-01-01")), renewal_opens_on: Some(d("2029-10-02")) };
        assert_eq!(renew_card(card, d("2029-08-03")).unwrap().map(|a| a.by), Some(Some(d("2030-01-01"))));
        assert!(renew_card(card, d("2029-08-02")).unwrap().is_none(), "61 days before the window");
        let expired = Dated { status: Status::Expired, ..card };
        assert_eq!(renew_card(expired, d("2030-01-02")).unwrap().map(|a| a.apply_by), Some(None));
        assert_eq!(renew_card(expired, d("2030-01-02")).unwrap().map(|a| a.by), Some(None));
        let suspended = Dated { status: Status::Suspended, ..card };
        assert!(renew_card(suspended, d("2029-12-01")).unwrap().is_none());
    }

    #[test]
    fn apply_by_is_a_month_before_the_deadline_or_now() {
        let card =
            Dated { status: Status::Valid, expires_on: Some(d("2030-03-31")), renewal_opens_on: Some(d("2030-01-01")) };
        let apply_by = |today: &str| renew_card(card, d(today)).unwrap().and_then(|a| a.apply_by);
        assert_eq!(apply_by("2029-12-01"), Some(d("2030-02-28")), "one month back, clamped (§3.5)");
        assert_eq!(apply_by("2030-02-28"), Some(d("2030-02-28")), "the last day to apply is today");
        assert_eq!(apply_by("2030-03-01"), None, "less than a month left: apply now");
        assert_eq!(apply_by("2030-04-01"), None, "expired: no deadline");
    }

    #[test]
    fn certificates_ending_with_the_card_are_not_listed() {
        let cert = Dated {
            status: Status::RenewalOpen,
            expires_on: Some(d("2026-03-10")),
            renewal_opens_on: Some(d("2025-12-11")),
        };
        let today = d("2026-01-15");
        let both = [(CertificateKind::User, cert), (CertificateKind::Signature, cert)];
        assert!(renew_certificates(&both, Some(d("2026-03-10")), today).unwrap().is_none());
        let got = renew_certificates(&both, Some(d("2030-01-01")), today).unwrap().unwrap();
        assert_eq!(got.certificates, Some(vec![CertificateKind::User, CertificateKind::Signature]));
        assert_eq!((got.from, got.by), (Some(d("2025-12-11")), Some(d("2026-03-10"))));
        let got = renew_certificates(&both, None, today).unwrap().unwrap();
        assert_eq!(got.by, Some(d("2026-03-10")));
    }
}
