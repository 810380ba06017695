//! X.509 `Time` values (RFC 5280 §4.1.2.5), read by hand.
//!
//! docs/reader.md §4.2: `UTCTime` `YYMMDDHHMMSSZ` with YY 50–99 → 19YY and 00–49 → 20YY, and
//! `GeneralizedTime` `YYYYMMDDHHMMSSZ`; only these `Z` forms with seconds are valid DER, anything
//! else is an error. The `der` crate's own time types are not used: version 0.7 refuses every year
//! before 1970, so it would reject a `UTCTime` of 1950–1969 that RFC 5280 and the spec accept.
//! `GeneralizedTime` is accepted for any year, not only from 2050 on as RFC 5280 asks of issuers:
//! the spec says both forms MUST be accepted and a stricter check would only turn a readable date
//! into an error.

use chrono::{NaiveDate, NaiveDateTime};

/// The DER tag of `UTCTime`.
pub const UTC_TIME: u8 = 0x17;
/// The DER tag of `GeneralizedTime`.
pub const GENERALIZED_TIME: u8 = 0x18;

/// A `Time` value that is not one of the two valid DER forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeError;

/// The UTC instant of a `UTCTime` (`tag` 0x17) or `GeneralizedTime` (0x18) value.
pub fn parse_time(tag: u8, value: &[u8]) -> Result<NaiveDateTime, TimeError> {
    let (year, rest) = match (tag, value) {
        (UTC_TIME, [y1, y2, rest @ ..]) if rest.len() == 11 => {
            let yy = i32::from(two_digits(*y1, *y2)?);
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, rest)
        }
        (GENERALIZED_TIME, [y1, y2, y3, y4, rest @ ..]) if rest.len() == 11 => {
            (i32::from(two_digits(*y1, *y2)?) * 100 + i32::from(two_digits(*y3, *y4)?), rest)
        }
        _ => return Err(TimeError),
    };
    let [mo1, mo2, d1, d2, h1, h2, mi1, mi2, s1, s2, b'Z'] = rest else {
        return Err(TimeError);
    };
    let field = |a: &u8, b: &u8| two_digits(*a, *b).map(u32::from);
    let (month, day) = (field(mo1, mo2)?, field(d1, d2)?);
    let (hour, minute, second) = (field(h1, h2)?, field(mi1, mi2)?, field(s1, s2)?);
    NaiveDate::from_ymd_opt(year, month, day).and_then(|date| date.and_hms_opt(hour, minute, second)).ok_or(TimeError)
}

fn two_digits(a: u8, b: u8) -> Result<u8, TimeError> {
    if a.is_ascii_digit() && b.is_ascii_digit() {
        Ok((a - b'0') * 10 + (b - b'0'))
    } else {
        Err(TimeError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> Result<NaiveDateTime, TimeError> {
        parse_time(UTC_TIME, s.as_bytes())
    }

    fn gen(s: &str) -> Result<NaiveDateTime, TimeError> {
        parse_time(GENERALIZED_TIME, s.as_bytes())
    }

    fn at(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, mi, s).unwrap()
    }

    #[test]
    fn utc_time_and_the_rfc_5280_century() {
        assert_eq!(utc("291010145959Z"), Ok(at(2029, 10, 10, 14, 59, 59)));
        assert_eq!(utc("491231235959Z"), Ok(at(2049, 12, 31, 23, 59, 59)));
        assert_eq!(utc("500101000000Z"), Ok(at(1950, 1, 1, 0, 0, 0)));
        assert_eq!(utc("991231235959Z"), Ok(at(1999, 12, 31, 23, 59, 59)));
        assert_eq!(utc("000229000000Z"), Ok(at(2000, 2, 29, 0, 0, 0)));
    }

    #[test]
    fn generalized_time() {
        assert_eq!(gen("20501010145959Z"), Ok(at(2050, 10, 10, 14, 59, 59)));
        assert_eq!(gen("20291010150000Z"), Ok(at(2029, 10, 10, 15, 0, 0)));
        assert_eq!(gen("99991231235959Z"), Ok(at(9999, 12, 31, 23, 59, 59)));
    }

    #[test]
    fn everything_else_is_an_error() {
        for bad in [
            "2910101459Z",  // no seconds
            "291010145959", // no Z
            "291010145959+0900",
            "291310145959Z", // month 13
            "290230145959Z", // 30 Feb
            "270229000000Z", // 29 Feb of a common year
            "291010245959Z", // hour 24
            "291010146059Z", // minute 60
            "291010145960Z", // second 60
            "29101014595 Z",
            "-91010145959Z",
            "",
        ] {
            assert_eq!(utc(bad), Err(TimeError), "{bad}");
        }
        assert_eq!(gen("20291010145959.5Z"), Err(TimeError));
        assert_eq!(gen("291010145959Z"), Err(TimeError));
        assert_eq!(utc("20291010145959Z"), Err(TimeError));
        assert_eq!(parse_time(0x04, b"291010145959Z"), Err(TimeError));
    }
}
