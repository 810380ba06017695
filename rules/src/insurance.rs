//! マイナ保険証 grace after expiry (`insurance.grace`, `docs/rules.md` §13).

use chrono::NaiveDate;

use crate::caveats::Caveats;
use crate::contract::CaveatId;
use crate::dates::{end_of_month_after, DateError};
use crate::params::INSURANCE_GRACE_MONTHS;

/// Since 2024-12-02 a card registered as health insurance card keeps working for that purpose until
/// the last day of the third month after the month in which the card or the user certificate
/// expired. `earliest_expiry` is the earlier known expiry of the held card and the held user
/// certificate. For an expiry before 2024-12-02 nothing is published: `None` and the caveat
/// `insurance_grace_unknown`. The date is given even after the grace has ended.
pub fn usable_until(
    earliest_expiry: Option<NaiveDate>,
    today: NaiveDate,
    caveats: &mut Caveats,
) -> Result<Option<NaiveDate>, DateError> {
    let Some(expired_on) = earliest_expiry.filter(|x| *x < today) else {
        return Ok(None);
    };
    match INSURANCE_GRACE_MONTHS.on(expired_on) {
        Some(months) => Ok(Some(end_of_month_after(expired_on, months)?)),
        None => {
            caveats.add(CaveatId::InsuranceGraceUnknown);
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::d;

    #[test]
    fn grace_ends_with_the_third_month_after_expiry() {
        // (expiry, today, expected, caveat) — rules §13 examples
        let cases = [
            ("2025-02-14", "2026-01-01", Some("2025-05-31"), false),
            ("2024-12-02", "2025-01-01", Some("2025-03-31"), false),
            ("2025-11-30", "2025-12-01", Some("2026-02-28"), false),
            ("2024-11-30", "2025-01-01", None, true),
            ("2025-11-30", "2025-11-30", None, false),
        ];
        for (expiry, today, want, caveat) in cases {
            let mut caveats = Caveats::default();
            assert_eq!(usable_until(Some(d(expiry)), d(today), &mut caveats), Ok(want.map(d)), "expired {expiry}");
            assert_eq!(caveats.ids().contains(&CaveatId::InsuranceGraceUnknown), caveat, "expired {expiry}");
        }
    }
}
