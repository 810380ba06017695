//! The two electronic certificates: validity, caps, status and the under-15 rule
//! (`certificate.validity`, `certificate.status`, `signature.under_15`; `docs/rules.md` §5, §6.2, §12).

use chrono::NaiveDate;

use crate::card::dated_status;
use crate::caveats::Caveats;
use crate::contract::{CaveatId, Certificate, Status};
use crate::dates::{nth_birthday_after, reach_date, DateError};
use crate::explain::{Explanation, RuleId};
use crate::params::{CERTIFICATE_BIRTHDAYS, SIGNATURE_MIN_AGE};

/// A certificate's expiry (`docs/rules.md` §5): the 5th birthday after its issue date (the 6th after a
/// renewal inside the window), cut at the card's expiry and, for the signature certificate, at the
/// user certificate's; a printed date wins. `caps` are the *output* expiries of the card and, for
/// the signature certificate, of the user certificate (`None` where unknown or not held).
///
/// Without an issue date there is no computed expiry: the printed date is taken as it is, uncapped.
pub fn certificate_expiry(
    birth: NaiveDate,
    cert: &Certificate,
    caps: &[Option<NaiveDate>],
    caveats: &mut Caveats,
) -> Result<(Option<NaiveDate>, Vec<Explanation>), DateError> {
    let mut explanation = Vec::new();
    let computed = match cert.issued_on {
        Some(issued_on) => {
            let birthdays_row = CERTIFICATE_BIRTHDAYS.in_force(issued_on);
            let birthdays = birthdays_row.value;
            let n = if cert.renewed_within_window { birthdays.renewed_within_window } else { birthdays.normal };
            let own = nth_birthday_after(issued_on, birth, n)?;
            explanation.push(Explanation::under(RuleId::CertificateValidity, birthdays_row));
            Some(caps.iter().flatten().fold(own, |earliest, cap| earliest.min(*cap)))
        }
        None => None,
    };
    if let Some(printed) = cert.expires_on {
        explanation.push(Explanation::of(RuleId::ValidityPrinted));
        if computed.is_some_and(|c| c != printed) {
            caveats.add(CaveatId::PrintedDateDiffers);
        }
    }
    Ok((cert.expires_on.or(computed), explanation))
}

/// What the card and the events say about a certificate's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertificateContext {
    /// The status of the card it sits on (`None`: no card held).
    pub card_status: Option<Status>,
    /// The signature certificate was revoked by a change of details or address (§7, §8).
    pub revoked: bool,
}

/// A held certificate's status on `today` (`docs/rules.md` §6.2), using the card's status computed first.
pub fn certificate_status(
    expires_on: Option<NaiveDate>,
    renewal_opens_on: Option<NaiveDate>,
    context: CertificateContext,
    today: NaiveDate,
) -> Status {
    if matches!(context.card_status, Some(Status::Lapsed | Status::Expired)) {
        return Status::Lapsed;
    }
    if context.revoked {
        return Status::Revoked;
    }
    if context.card_status == Some(Status::Suspended) {
        return Status::Suspended;
    }
    dated_status(expires_on, renewal_opens_on, today)
}

/// The day a person reaches the age from which a signature certificate may be issued
/// (`docs/rules.md` §12: the day before the 15th birthday).
pub fn signature_eligible_from(birth: NaiveDate, today: NaiveDate) -> Result<NaiveDate, DateError> {
    reach_date(birth, SIGNATURE_MIN_AGE.on(today))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::d;

    fn cert(issued: &str, renewed: bool) -> Certificate {
        Certificate { issued_on: Some(d(issued)), expires_on: None, renewed_within_window: renewed }
    }

    #[test]
    fn certificates_run_to_the_fifth_birthday_capped() {
        // (name, birth, cert, caps, expected, source)
        let cases = [
            (
                "5回目の誕生日",
                "1980-04-20",
                cert("2021-01-10", false),
                vec![Some(d("2030-04-20"))],
                "2025-04-20",
                "leaflet ５②",
            ),
            (
                "更新期間内の更新は6回目",
                "1980-04-20",
                cert("2025-03-01", true),
                vec![Some(d("2030-04-20"))],
                "2030-04-20",
                "rules §5",
            ),
            (
                "カードの期限で切れる",
                "1980-04-20",
                cert("2027-03-01", false),
                vec![Some(d("2030-04-20"))],
                "2030-04-20",
                "leaflet ５②",
            ),
            (
                "利用者証明用の期限で切れる",
                "1995-09-01",
                cert("2026-01-10", false),
                vec![Some(d("2033-09-01")), Some(d("2028-09-01"))],
                "2028-09-01",
                "rules §5",
            ),
            ("カードなし", "1995-09-01", cert("2026-01-10", false), vec![None], "2030-09-01", "rules §5"),
        ];
        for (name, birth, c, caps, want, source) in cases {
            let mut caveats = Caveats::default();
            let (got, _) = certificate_expiry(d(birth), &c, &caps, &mut caveats).unwrap();
            assert_eq!(got, Some(d(want)), "{name} ({source})");
        }
    }

    #[test]
    fn printed_certificate_dates() {
        let mut caveats = Caveats::default();
        let printed_only =
            Certificate { issued_on: None, expires_on: Some(d("2040-01-01")), renewed_within_window: false };
        let (got, _) =
            certificate_expiry(d("1980-04-20"), &printed_only, &[Some(d("2030-04-20"))], &mut caveats).unwrap();
        assert_eq!(got, Some(d("2040-01-01")), "no cap on a printed date without an issue date");
        assert!(caveats.ids().is_empty());

        let both = Certificate {
            issued_on: Some(d("2021-01-10")),
            expires_on: Some(d("2025-04-21")),
            renewed_within_window: false,
        };
        let (got, _) = certificate_expiry(d("1980-04-20"), &both, &[None], &mut caveats).unwrap();
        assert_eq!(got, Some(d("2025-04-21")));
        assert_eq!(caveats.ids(), vec![CaveatId::PrintedDateDiffers]);
    }

    #[test]
    fn status_follows_the_card_first() {
        let (exp, opens, today) = (Some(d("2028-01-01")), Some(d("2027-10-02")), d("2026-01-01"));
        let ctx = |card_status, revoked| CertificateContext { card_status, revoked };
        assert_eq!(certificate_status(exp, opens, ctx(Some(Status::Expired), true), today), Status::Lapsed);
        assert_eq!(certificate_status(exp, opens, ctx(Some(Status::Lapsed), false), today), Status::Lapsed);
        assert_eq!(certificate_status(exp, opens, ctx(Some(Status::Suspended), true), today), Status::Revoked);
        assert_eq!(certificate_status(exp, opens, ctx(Some(Status::Suspended), false), today), Status::Suspended);
        assert_eq!(certificate_status(None, None, ctx(Some(Status::Valid), false), today), Status::Unknown);
        assert_eq!(certificate_status(exp, opens, ctx(Some(Status::Unknown), false), today), Status::Valid);
        assert_eq!(certificate_status(exp, opens, ctx(None, false), d("2028-01-02")), Status::Expired);
    }

    #[test]
    fn signature_eligibility_starts_the_day_before_the_15th_birthday() {
        assert_eq!(signature_eligible_from(d("2010-04-02"), d("2025-01-01")), Ok(d("2025-04-01")));
        assert_eq!(signature_eligible_from(d("2012-02-29"), d("2025-01-01")), Ok(d("2027-02-28")));
    }
}
