//! Every age, day count, fee and effective date the rules use: the table of `docs/rules.md` §15.
//!
//! Each parameter is a [`Versioned`] list of rows by effective date. A row applies from its `from`
//! (inclusive) until the next row's `from`; the first row also applies to every earlier date, so
//! the engine never meets "no row in force" (`docs/rules.md` §15). Rule code never compares a date
//! with a literal effective date: it asks [`Versioned::in_force`] on the date the row is judged
//! on. A law change is a new row here (with its source) plus cases on the day before, on and
//! after the boundary.

use chrono::NaiveDate;

use crate::dates::ymd;

/// One row of a parameter: its value from `from` on, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period<T: 'static> {
    pub from: NaiveDate,
    pub value: T,
    pub source: &'static str,
}

/// A parameter's rows, oldest first. Non-empty by construction (`first`), so that looking a
/// value up is total.
#[derive(Debug, Clone, Copy)]
pub struct Versioned<T: 'static> {
    /// What the row is judged on (`docs/rules.md` §15, column "judged on"): written beside the rows for the
    /// reader of this table, and named by its tests' messages.
    #[cfg_attr(not(test), allow(dead_code))]
    pub judged_on: &'static str,
    pub first: Period<T>,
    /// Later rows, by strictly increasing `from`.
    pub later: &'static [Period<T>],
}

impl<T: Copy> Versioned<T> {
    /// The row in force on `on`: the last row whose `from <= on`, or the first row for any
    /// earlier date.
    pub fn in_force(&self, on: NaiveDate) -> &Period<T> {
        self.later.iter().rev().find(|row| row.from <= on).unwrap_or(&self.first)
    }

    /// The value in force on `on`.
    pub fn on(&self, on: NaiveDate) -> T {
        self.in_force(on).value
    }

    /// The latest row: the one in force today and from now on, until the table gains a row.
    pub fn latest(&self) -> &Period<T> {
        self.later.last().unwrap_or(&self.first)
    }

    /// All rows, oldest first.
    pub fn rows(&self) -> impl Iterator<Item = &Period<T>> {
        std::iter::once(&self.first).chain(self.later.iter())
    }

    /// The latest effective date of this parameter.
    pub fn latest_from(&self) -> NaiveDate {
        self.rows().map(|row| row.from).max().unwrap_or(self.first.from)
    }

    /// The latest change up to `on` as (the row before, the row from then on); the first change when
    /// `on` is before every change; `None` for a parameter that never changed. What a text says of a
    /// change (「{adult_age_from}より前は{former_adult_age}歳」) comes from here, never re-typed.
    pub fn latest_change(&self, on: NaiveDate) -> Option<(&Period<T>, &Period<T>)> {
        let index = self.later.iter().rposition(|row| row.from <= on).unwrap_or(0);
        let after = self.later.get(index)?;
        let before = match index.checked_sub(1) {
            Some(i) => self.later.get(i)?,
            None => &self.first,
        };
        Some((before, after))
    }
}

/// Start of the card scheme (番号法): the first row of every parameter.
pub const SCHEME_START: NaiveDate = ymd(2016, 1, 1);

const fn row<T>(from: NaiveDate, value: T, source: &'static str) -> Period<T> {
    Period { from, value, source }
}

const fn single<T>(judged_on: &'static str, value: T, source: &'static str) -> Versioned<T> {
    Versioned { judged_on, first: row(SCHEME_START, value, source), later: &[] }
}

/// Age from which a card lasts ten birthdays instead of five (`card.age_class`, `docs/rules.md` §4).
pub static ADULT_AGE: Versioned<u32> = Versioned {
    judged_on: "age-decision date (申請受付日, else 発行日)",
    first: row(SCHEME_START, 20, "leaflet §5①; 個人番号カード省令"),
    later: &[row(ymd(2022, 4, 1), 18, "leaflet §5①; 個人番号カード省令 (2022-04-01 改正)")],
};

/// Number of birthdays a card runs to after its 発行日.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardBirthdays {
    pub adult: u32,
    pub minor: u32,
}

pub static CARD_BIRTHDAYS: Versioned<CardBirthdays> =
    single("issue date", CardBirthdays { adult: 10, minor: 5 }, "leaflet §5①; 番号法17条6項; 個人番号カード省令26条");

/// How far before the 発行日 an unknown 申請受付日 may lie (the `age_decision_date_unknown` caveat).
pub static AGE_DECISION_LOOKBACK_DAYS: Versioned<u32> = single("issue date", 183, "docs/rules.md §4");

/// Number of birthdays a certificate runs to after its issue date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertificateBirthdays {
    pub normal: u32,
    pub renewed_within_window: u32,
}

pub static CERTIFICATE_BIRTHDAYS: Versioned<CertificateBirthdays> = single(
    "certificate issue date",
    CertificateBirthdays { normal: 5, renewed_within_window: 6 },
    "leaflet §5②; 公的個人認証法施行規則",
);

/// Minimum age for a signature certificate (`signature.under_15`).
pub static SIGNATURE_MIN_AGE: Versioned<u32> = single("today", 15, "公的個人認証法施行規則");

/// Months before expiry when renewal opens (leaflet ５③).
pub static RENEWAL_WINDOW_MONTHS: Versioned<u32> = single("expiry", 3, "leaflet §5③");

/// Days before the window opens from which the guide lists a renewal action.
pub static RENEWAL_LEAD_DAYS: Versioned<u32> = single("today", 60, "guide (docs/rules.md §6.3)");

/// How long a new card takes to be made, for `renew_card`'s `apply_by` (`docs/rules.md` §14.2: "a new card
/// takes about a month", §6.1). The guide's reading, not a statutory period.
pub static CARD_PRODUCTION_MONTHS: Versioned<u32> = single("today", 1, "guide (docs/rules.md §6.1, §14.2)");

/// 転居届, 転入届 after the move-in, and the 追記 after a change of details.
pub static FILING_DAYS: Versioned<u32> = single("event date", 14, "住民基本台帳法22条・23条; 番号法17条4項");

/// No 転入届 within this many days of the planned move-out: the card lapses.
pub static MOVE_OUT_DAYS: Versioned<u32> = single("planned move-out date", 30, "番号法施行令14条");

/// The card must be presented within this many days of the 転入届.
pub static PRESENTATION_DAYS: Versioned<u32> = single("転入届 date", 90, "番号法施行令14条");

/// 国外継続利用: a Japanese national keeps the card when moving abroad. Informational: the rule
/// is applied for every departure date (`docs/rules.md` §7.3); the first row's backward extension
/// gives exactly that.
pub static CONTINUED_USE_ABROAD: Versioned<bool> = Versioned {
    judged_on: "departure date (informational)",
    first: row(ymd(2024, 5, 27), true, "番号法改正 (2024-05-27 施行)"),
    later: &[],
};

/// 特急発行 (rapid reissue): the window and its fees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RapidReissue {
    /// Within this many days of the trigger (紛失届, destruction).
    pub window_days: u32,
    /// About this many days from the application to the card's arrival by registered post.
    pub delivery_days: u32,
    pub fee_without_certificates: u32,
    pub fee_with_certificates: u32,
}

impl RapidReissue {
    /// The rapid fee, with or without certificates.
    pub fn fee(self, with_certificates: bool) -> u32 {
        if with_certificates {
            self.fee_with_certificates
        } else {
            self.fee_without_certificates
        }
    }
}

/// Rapid reissue exists from 2024-12-02 (`None` before: the rule's own start test, §15).
pub static RAPID_REISSUE: Versioned<Option<RapidReissue>> = Versioned {
    judged_on: "trigger date",
    first: row(SCHEME_START, None, "leaflet §6②, §8 (no rapid reissue)"),
    later: &[row(
        ymd(2024, 12, 2),
        Some(RapidReissue {
            window_days: 30,
            delivery_days: 7,
            fee_without_certificates: 1800,
            fee_with_certificates: 2000,
        }),
        // The delivery in about a week by registered post: docs/rules.md §10.1, §17.
        "個人番号カード省令 (2024-12-02 施行)",
    )],
};

/// マイナ保険証 grace after expiry, in months after the month of expiry; `None` before 2024-12-02
/// (not published: the caveat `insurance_grace_unknown`).
pub static INSURANCE_GRACE_MONTHS: Versioned<Option<u32>> = Versioned {
    judged_on: "expiry",
    first: row(SCHEME_START, None, "not published (docs/rules.md §13)"),
    later: &[row(ymd(2024, 12, 2), Some(3), "健康保険法施行規則等 (2024-12-02 施行)")],
};

/// Reissue fees (leaflet ８).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReissueFees {
    pub card: u32,
    pub certificates: u32,
}

impl ReissueFees {
    /// The normal reissue fee, with or without certificates.
    pub fn total(self, with_certificates: bool) -> u32 {
        if with_certificates {
            self.card + self.certificates
        } else {
            self.card
        }
    }
}

pub static REISSUE_FEES: Versioned<ReissueFees> =
    single("trigger date", ReissueFees { card: 800, certificates: 200 }, "leaflet §8");

/// Wrong tries before a PIN locks (leaflet ３③).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinTries {
    pub signature: u32,
    pub four_digit: u32,
}

pub static PIN_TRIES: Versioned<PinTries> = single("—", PinTries { signature: 5, four_digit: 3 }, "leaflet §3③");

/// Digits of the user, 住民基本台帳用 and 券面事項入力補助用 PINs (leaflet ３③; `docs/rules.md` §11.1).
pub static PIN_DIGITS: Versioned<u32> = single("—", 4, "leaflet §3③; docs/rules.md §11.1");

/// Allowed length of the signature password, in characters (leaflet ２①).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordLength {
    pub min: usize,
    pub max: usize,
}

pub static PASSWORD_LENGTH: Versioned<PasswordLength> = single("—", PasswordLength { min: 6, max: 16 }, "leaflet §2①");

/// What the boundary sweep and `rules_version` need of any parameter, whatever its value type.
pub trait Parameter: Sync {
    /// What the rows are judged on.
    #[cfg(test)]
    fn judged_on(&self) -> &'static str;
    /// The effective dates of the rows, oldest first.
    fn froms(&self) -> Vec<NaiveDate>;
    /// The index of the row in force on `on`.
    #[cfg(test)]
    fn index_in_force(&self, on: NaiveDate) -> usize;
    /// The latest effective date of the parameter.
    fn latest_from(&self) -> NaiveDate;
}

impl<T: Copy + Sync> Parameter for Versioned<T> {
    #[cfg(test)]
    fn judged_on(&self) -> &'static str {
        self.judged_on
    }
    fn froms(&self) -> Vec<NaiveDate> {
        self.rows().map(|row| row.from).collect()
    }
    #[cfg(test)]
    fn index_in_force(&self, on: NaiveDate) -> usize {
        self.later.iter().rposition(|row| row.from <= on).map_or(0, |i| i + 1)
    }
    fn latest_from(&self) -> NaiveDate {
        Versioned::latest_from(self)
    }
}

/// Every parameter of the table.
pub static ALL: [&dyn Parameter; 18] = [
    &ADULT_AGE,
    &CARD_BIRTHDAYS,
    &AGE_DECISION_LOOKBACK_DAYS,
    &CERTIFICATE_BIRTHDAYS,
    &SIGNATURE_MIN_AGE,
    &RENEWAL_WINDOW_MONTHS,
    &RENEWAL_LEAD_DAYS,
    &CARD_PRODUCTION_MONTHS,
    &FILING_DAYS,
    &MOVE_OUT_DAYS,
    &PRESENTATION_DAYS,
    &CONTINUED_USE_ABROAD,
    &RAPID_REISSUE,
    &INSURANCE_GRACE_MONTHS,
    &REISSUE_FEES,
    &PIN_TRIES,
    &PIN_DIGITS,
    &PASSWORD_LENGTH,
];

/// Every effective date of every parameter, sorted, without repeats.
pub fn parameter_boundaries() -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = ALL.iter().flat_map(|p| p.froms()).collect();
    dates.sort();
    dates.dedup();
    dates
}

/// `rules_version` (`docs/rules.md` §14.4): the latest effective date in the table.
pub fn rules_version() -> NaiveDate {
    ALL.iter().map(|p| p.latest_from()).max().unwrap_or(SCHEME_START)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::plus_days;

    use crate::testing::d;

    /// Exactly one row applies on `on`: rows are in strictly increasing order, and the row in
    /// force is the only one whose interval [from, next.from) holds `on` (the first row's
    /// interval reaching back indefinitely).
    fn exactly_one_row(table: &dyn Parameter, on: NaiveDate) {
        let froms = table.froms();
        for pair in froms.windows(2) {
            assert!(pair[0] < pair[1], "rows out of order in {}", table.judged_on());
        }
        let applying: Vec<usize> = (0..froms.len())
            .filter(|&i| {
                let starts = i == 0 || froms[i] <= on;
                let ends = froms.get(i + 1).is_none_or(|next| on < *next);
                starts && ends
            })
            .collect();
        assert_eq!(applying, vec![table.index_in_force(on)], "rows applying on {on} ({})", table.judged_on());
    }

    #[test]
    fn every_boundary_has_exactly_one_row_in_force() {
        let mut days = vec![d("0000-01-01"), d("9999-12-31")];
        for b in parameter_boundaries() {
            for delta in [-1, 0, 1] {
                days.push(plus_days(b, delta).unwrap());
            }
        }
        for on in days {
            for table in ALL {
                exactly_one_row(table, on);
            }
        }
    }

    #[test]
    fn in_force_and_index_in_force_agree() {
        for on in [d("2022-03-31"), d("2022-04-01"), d("1999-01-01")] {
            let row = ADULT_AGE.in_force(on);
            let index = ADULT_AGE.index_in_force(on);
            assert!(std::ptr::eq(row, ADULT_AGE.rows().nth(index).unwrap()));
        }
    }

    #[test]
    fn dated_values_switch_on_their_effective_day() {
        // (name, value the day before, on the day, source)
        assert_eq!((ADULT_AGE.on(d("2022-03-31")), ADULT_AGE.on(d("2022-04-01"))), (20, 18), "成年年齢 (§4)");
        assert_eq!(ADULT_AGE.on(d("1900-01-01")), 20, "first row reaches back (§15)");
        assert_eq!(RAPID_REISSUE.on(d("2024-12-01")), None, "特急発行 starts 2024-12-02");
        assert_eq!(RAPID_REISSUE.on(d("2024-12-02")).map(|r| r.fee_with_certificates), Some(2000));
        assert_eq!(INSURANCE_GRACE_MONTHS.on(d("2024-12-01")), None, "grace starts 2024-12-02 (§13)");
        assert_eq!(INSURANCE_GRACE_MONTHS.on(d("2024-12-02")), Some(3));
        assert!(CONTINUED_USE_ABROAD.on(d("2020-01-01")), "applied for every departure date (§7.3)");
    }

    #[test]
    fn latest_change_is_the_change_up_to_the_day_else_the_first() {
        let change = |on: &str| ADULT_AGE.latest_change(d(on)).map(|(b, a)| (b.value, a.from, a.value));
        assert_eq!(change("2022-04-01"), Some((20, d("2022-04-01"), 18)), "on the day");
        assert_eq!(change("2030-01-01"), Some((20, d("2022-04-01"), 18)), "after");
        assert_eq!(change("2022-03-31"), Some((20, d("2022-04-01"), 18)), "before: the first change");
        assert_eq!(FILING_DAYS.latest_change(d("2030-01-01")), None, "never changed");
        let rapid = RAPID_REISSUE.latest_change(d("2024-12-01")).map(|(b, a)| (b.value, a.from));
        assert_eq!(rapid.map(|(before, from)| (before.is_none(), from)), Some((true, d("2024-12-02"))));
    }

    #[test]
    fn rules_version_is_the_latest_effective_date() {
        assert_eq!(rules_version(), d("2024-12-02"));
    }
}
