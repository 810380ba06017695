//! The figures the citizen's texts name — fees, day counts, months, ages, birthdays, tries, lengths and the
//! days on which rules took effect — as the parameter table (`params`, `docs/rules.md` §15) has them on a date.
//!
//! A text never writes a figure (ARCHITECTURE.md invariant 2): it names it, 「{filing_days}日以内」, and the
//! app fills the name from [`figures`] on the visit's `today`. A row added to the table therefore changes
//! every sentence that names it, and a sentence cannot contradict the engine. The names are ids, like the
//! action and caveat ids: the engine returns no prose.

use chrono::NaiveDate;

use crate::params::{
    Versioned, ADULT_AGE, CARD_BIRTHDAYS, CARD_PRODUCTION_MONTHS, CERTIFICATE_BIRTHDAYS, CONTINUED_USE_ABROAD,
    FILING_DAYS, INSURANCE_GRACE_MONTHS, MOVE_OUT_DAYS, PASSWORD_LENGTH, PIN_DIGITS, PIN_TRIES, PRESENTATION_DAYS,
    RAPID_REISSUE, REISSUE_FEES, RENEWAL_LEAD_DAYS, RENEWAL_WINDOW_MONTHS, SIGNATURE_MIN_AGE,
};

/// One figure, typed so that the app writes it in the language's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// An amount in yen (1,000円, ¥1,000).
    Yen(u32),
    /// A count without a unit of time: years of age, birthdays, tries, characters, digits.
    Count(u32),
    /// A number of days (14日, 14 days).
    Days(u32),
    /// A number of months (1か月, 1 month).
    Months(u32),
    /// The day a row of the table took effect: its `from`, never re-typed.
    Date(NaiveDate),
}

/// The value and effective day of a parameter that changed, for the sentences that describe the change:
/// the latest change up to `on`, else the first one (so that 「{rapid_from}から…」 stays true on any date);
/// the row in force for a parameter that never changed.
fn changed<T: Copy>(table: &Versioned<T>, on: NaiveDate) -> (NaiveDate, T) {
    match table.latest_change(on) {
        Some((_, after)) => (after.from, after.value),
        None => {
            let row = table.in_force(on);
            (row.from, row.value)
        }
    }
}

/// Every figure a text may name, by its placeholder name, as the table has it on `on` (the visit's
/// `today`). The values that changed on a known day (the adult age, rapid reissue and the マイナ保険証
/// grace of `docs/rules.md` §15) are those of their latest change up to `on` (else of the first change),
/// with that change's day; every other value is the row in force on `on`.
pub fn figures(on: NaiveDate) -> Vec<(&'static str, Figure)> {
    use Figure::{Count, Date, Days, Months, Yen};
    let fees = REISSUE_FEES.on(on);
    let card = CARD_BIRTHDAYS.on(on);
    let certificate = CERTIFICATE_BIRTHDAYS.on(on);
    let tries = PIN_TRIES.on(on);
    let password = PASSWORD_LENGTH.on(on);
    let (adult_from, adult_age) = changed(&ADULT_AGE, on);
    let former_adult_age = ADULT_AGE.latest_change(on).map_or(adult_age, |(before, _)| before.value);
    let mut out = vec![
        ("fee_reissue", Yen(fees.total(false))),
        ("fee_reissue_certificates", Yen(fees.total(true))),
        ("filing_days", Days(FILING_DAYS.on(on))),
        ("move_out_days", Days(MOVE_OUT_DAYS.on(on))),
        ("presentation_days", Days(PRESENTATION_DAYS.on(on))),
        ("renewal_months", Months(RENEWAL_WINDOW_MONTHS.on(on))),
        ("renewal_lead_days", Days(RENEWAL_LEAD_DAYS.on(on))),
        ("production_months", Months(CARD_PRODUCTION_MONTHS.on(on))),
        ("adult_age", Count(adult_age)),
        ("former_adult_age", Count(former_adult_age)),
        ("adult_age_from", Date(adult_from)),
        ("signature_age", Count(SIGNATURE_MIN_AGE.on(on))),
        ("card_birthdays", Count(card.adult)),
        ("card_birthdays_minor", Count(card.minor)),
        ("certificate_birthdays", Count(certificate.normal)),
        ("certificate_birthdays_renewed", Count(certificate.renewed_within_window)),
        ("signature_tries", Count(tries.signature)),
        ("pin_tries", Count(tries.four_digit)),
        ("pin_digits", Count(PIN_DIGITS.on(on))),
        ("password_min", Count(u32::try_from(password.min).unwrap_or(u32::MAX))),
        ("password_max", Count(u32::try_from(password.max).unwrap_or(u32::MAX))),
        ("abroad_from", Date(CONTINUED_USE_ABROAD.in_force(on).from)),
    ];
    if let (from, Some(rapid)) = changed(&RAPID_REISSUE, on) {
        out.extend([
            ("fee_rapid", Yen(rapid.fee(false))),
            ("fee_rapid_certificates", Yen(rapid.fee(true))),
            ("rapid_days", Days(rapid.window_days)),
            ("rapid_delivery_days", Days(rapid.delivery_days)),
            ("rapid_from", Date(from)),
        ]);
    }
    if let (from, Some(months)) = changed(&INSURANCE_GRACE_MONTHS, on) {
        out.extend([("insurance_grace_months", Months(months)), ("insurance_grace_from", Date(from))]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::plus_days;
    use crate::params::parameter_boundaries;

    use crate::testing::d;

    fn figure(on: &str, name: &str) -> Option<Figure> {
        figures(d(on)).into_iter().find(|(n, _)| *n == name).map(|(_, f)| f)
    }

    /// Every figure the texts name exists on every day around every boundary of the table, once: a text
    /// never shows an unfilled `{name}`.
    #[test]
    fn every_figure_is_there_on_every_day_once() {
        let names: Vec<&str> = figures(d("2026-11-24")).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names.len(), 29);
        let mut days = vec![d("1900-01-01"), d("2099-12-31")];
        for b in parameter_boundaries() {
            days.extend([-1, 0, 1].map(|delta| plus_days(b, delta).unwrap()));
        }
        for on in days {
            let here: Vec<&str> = figures(on).into_iter().map(|(n, _)| n).collect();
            assert_eq!(here, names, "on {on}");
        }
    }

    #[test]
    fn figures_are_the_table_rows_in_force() {
        // (day, name, figure, the row it comes from)
        let cases = [
            ("2026-11-24", "fee_reissue", Figure::Yen(800), "fee: card (leaflet §8)"),
            ("2026-11-24", "fee_reissue_certificates", Figure::Yen(1000), "card + certificates 800 + 200"),
            ("2026-11-24", "fee_rapid", Figure::Yen(1800), "rapid, without certificates"),
            ("2026-11-24", "fee_rapid_certificates", Figure::Yen(2000), "rapid, with certificates"),
            ("2026-11-24", "rapid_days", Figure::Days(30), "特急発行 window"),
            ("2026-11-24", "rapid_delivery_days", Figure::Days(7), "about a week (docs/rules.md §10.1)"),
            ("2026-11-24", "rapid_from", Figure::Date(d("2024-12-02")), "特急発行 row's from"),
            ("2026-11-24", "filing_days", Figure::Days(14), "転居届, 転入届, 追記"),
            ("2026-11-24", "move_out_days", Figure::Days(30), "no 転入届 after the move-out"),
            ("2026-11-24", "presentation_days", Figure::Days(90), "card presentation"),
            ("2026-11-24", "renewal_months", Figure::Months(3), "renewal window"),
            ("2026-11-24", "renewal_lead_days", Figure::Days(60), "renewal action lead"),
            ("2026-11-24", "production_months", Figure::Months(1), "a new card takes about a month"),
            ("2026-11-24", "insurance_grace_months", Figure::Months(3), "マイナ保険証 grace"),
            ("2026-11-24", "insurance_grace_from", Figure::Date(d("2024-12-02")), "grace row's from"),
            ("2026-11-24", "adult_age", Figure::Count(18), "adult threshold since 2022-04-01"),
            ("2026-11-24", "former_adult_age", Figure::Count(20), "adult threshold before"),
            ("2026-11-24", "adult_age_from", Figure::Date(d("2022-04-01")), "the change's from"),
            ("2026-11-24", "signature_age", Figure::Count(15), "signature certificate minimum age"),
            ("2026-11-24", "card_birthdays", Figure::Count(10), "card, adult"),
            ("2026-11-24", "card_birthdays_minor", Figure::Count(5), "card, minor"),
            ("2026-11-24", "certificate_birthdays", Figure::Count(5), "certificate"),
            ("2026-11-24", "certificate_birthdays_renewed", Figure::Count(6), "renewed in the window"),
            ("2026-11-24", "signature_tries", Figure::Count(5), "signature password tries"),
            ("2026-11-24", "pin_tries", Figure::Count(3), "4-digit PIN tries"),
            ("2026-11-24", "pin_digits", Figure::Count(4), "PIN length"),
            ("2026-11-24", "password_min", Figure::Count(6), "password length"),
            ("2026-11-24", "password_max", Figure::Count(16), "password length"),
            ("2026-11-24", "abroad_from", Figure::Date(d("2024-05-27")), "国外継続利用 row's from"),
            // Before a change, the sentences about it still name the change itself.
            ("2024-12-01", "fee_rapid_certificates", Figure::Yen(2000), "the first rapid row"),
            ("2024-12-01", "rapid_from", Figure::Date(d("2024-12-02")), "the first rapid row"),
            ("2022-03-31", "adult_age", Figure::Count(18), "the change, not yet in force"),
            ("2022-03-31", "former_adult_age", Figure::Count(20), "the change, not yet in force"),
        ];
        for (on, name, want, row) in cases {
            assert_eq!(figure(on, name), Some(want), "{name} on {on} ({row})");
        }
    }

    #[test]
    fn a_figure_follows_its_row() {
        // The figure is read from the table, not typed: each agrees with the row's own value and from.
        let on = d("2026-11-24");
        let rapid = RAPID_REISSUE.in_force(on);
        assert_eq!(figure("2026-11-24", "rapid_from"), Some(Figure::Date(rapid.from)));
        let fee = rapid.value.map(|r| Figure::Yen(r.fee(true)));
        assert_eq!(figure("2026-11-24", "fee_rapid_certificates"), fee);
        assert_eq!(figure("2026-11-24", "adult_age"), Some(Figure::Count(ADULT_AGE.on(on))));
    }
}
