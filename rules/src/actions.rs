//! Building and ordering actions (`contract.md` "Actions", `rules.md` §14.2), and the actions that
//! follow from statuses: `renew_card`, `renew_certificates` (§6.3, §6.4),
//! `reissue_signature_certificate` (§7) and `apply_new_card` (§7.4).

use chrono::NaiveDate;

use crate::contract::{Action, ActionId, CertificateKind, Document, Status, Where};
use crate::dates::{plus_days, DateError};
use crate::explain::RuleId;
use crate::params::{REISSUE_FEES, RENEWAL_LEAD_DAYS};

/// A new action with no dates, no fee and no documents; the rule gives its source.
pub fn action(id: ActionId, rule: RuleId, place: Where) -> Action {
    Action {
        id,
        from: None,
        by: None,
        certificates: None,
        place,
        fee_yen: None,
        documents: Vec::new(),
        rule,
        source: rule.source().to_owned(),
    }
}

impl Action {
    /// The last day still in time.
    pub fn by(mut self, by: NaiveDate) -> Self {
        self.by = Some(by);
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

/// Sorts by `by` ascending (`null` last), then by id (byte order); a stable sort keeps the input
/// order of the events that produced equal keys (`rules.md` §14.2, `actions.order`).
pub fn sort_actions(actions: &mut [Action]) {
    stable_sort_by_key(actions, |a| (a.by.is_none(), a.by, a.id));
}

/// A stable insertion sort. The lists sorted here hold a handful of items, and the standard
/// library's sort adds several kilobytes of code to the app's wasm per element type (design.md §7).
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

/// `renew_card` (`card.renewal`, `rules.md` §6.3): a card that is neither lapsed, suspended nor
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
    let mut renew = action(ActionId::RenewCard, RuleId::CardRenewal, Where::WardOffice)
        .fee(0)
        .documents(&[Document::Card, Document::RenewalNotice]);
    renew.from = Some(opens);
    renew.by = Some(expires_on).filter(|e| *e >= today);
    Ok(Some(renew))
}

/// `renew_certificates` (`certificate.renewal`, `rules.md` §6.4): one action for the certificates
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
    let mut renew = action(ActionId::RenewCertificates, RuleId::CertificateRenewal, Where::WardOffice)
        .fee(0)
        .documents(&[Document::Card, Document::RenewalNotice]);
    renew.certificates = Some(kinds);
    renew.from = from;
    renew.by = by.filter(|b| *b >= today);
    Ok(Some(renew))
}

/// `reissue_signature_certificate` (`signature.reissue`, `rules.md` §7): free, same day, with the card.
pub fn reissue_signature_certificate() -> Action {
    action(ActionId::ReissueSignatureCertificate, RuleId::SignatureReissue, Where::WardOffice)
        .fee(0)
        .documents(&[Document::Card])
}

/// `apply_new_card` (`card.new_after_lapse`, `rules.md` §7.4): a lapsed card cannot be revived; the
/// fee is the reissue fee, with certificates when one is held (the face-authentication flag does not
/// count here).
pub fn apply_new_card(holds_certificate: bool, lapsed_on: NaiveDate) -> Action {
    action(ActionId::ApplyNewCard, RuleId::CardNewAfterLapse, Where::WardOffice)
        .fee(REISSUE_FEES.on(lapsed_on).total(holds_certificate))
        .documents(&[Document::PhotoId, Document::Photo])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn actions_sort_by_deadline_then_id_with_open_deadlines_last() {
        let mut actions = vec![
            action(ActionId::ReportToPolice, RuleId::LossReport, Where::Police),
            action(ActionId::ApplyReissue, RuleId::LossReissue, Where::WardOffice),
            action(ActionId::ApplyRapidReissue, RuleId::ReissueRapid, Where::WardOffice).by(d("2025-06-11")),
            action(ActionId::SuspendCard, RuleId::LossSuspend, Where::Phone).by(d("2025-05-20")),
        ];
        sort_actions(&mut actions);
        let ids: Vec<ActionId> = actions.iter().map(|a| a.id).collect();
        assert_eq!(
            ids,
            vec![ActionId::SuspendCard, ActionId::ApplyRapidReissue, ActionId::ApplyReissue, ActionId::ReportToPolice]
        );
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
        assert_eq!(renew_card(expired, d("2030-01-02")).unwrap().map(|a| a.by), Some(None));
        let suspended = Dated { status: Status::Suspended, ..card };
        assert!(renew_card(suspended, d("2029-12-01")).unwrap().is_none());
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
