//! The certificate fields the guide needs, read by a minimal DER walk on the `der` crate
//! (docs/reader.md §4.1, §4.4): Certificate → TBSCertificate → optional `[0]` version → serial →
//! signature algorithm (skipped) → issuer → validity → subject. The rest is not decoded and no
//! signature is verified (§2.3).
//!
//! Every input gives a `Result`, never a panic (§4.4). Subject and serial are identifiers: they are
//! kept in [`Redacted`], whose `Debug` prints `<redacted>` and which has no `Display` (§4.1, §9).

use chrono::NaiveDateTime;
use der::asn1::AnyRef;
use der::{Decode, Reader, SliceReader, Tag, Tagged};

use crate::asn1_time::parse_time;

/// A value that must never be shown, logged or stored: the subject and serial of a certificate.
#[derive(Clone, PartialEq, Eq)]
pub struct Redacted<T>(T);

impl<T> Redacted<T> {
    /// The value, for the byte-for-byte CA check (§2.3) and for tests. Never show or store it.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> core::fmt::Debug for Redacted<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The attribute types of a distinguished name that the guide reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    /// `C` (2.5.4.6).
    Country,
    /// `O` (2.5.4.10).
    Organisation,
    /// `OU` (2.5.4.11).
    OrganisationalUnit,
    /// `CN` (2.5.4.3).
    CommonName,
}

impl Attribute {
    fn from_oid(oid: &[u8]) -> Option<Self> {
        match oid {
            [0x55, 0x04, 0x06] => Some(Attribute::Country),
            [0x55, 0x04, 0x0A] => Some(Attribute::Organisation),
            [0x55, 0x04, 0x0B] => Some(Attribute::OrganisationalUnit),
            [0x55, 0x04, 0x03] => Some(Attribute::CommonName),
            _ => None,
        }
    }
}

/// The `C`/`O`/`OU`/`CN` attributes of a name in PrintableString or UTF8String, in order. Other
/// attributes and string types are skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Name {
    attributes: Vec<(Attribute, String)>,
}

impl Name {
    /// Whether the name has `attribute` = `value`.
    pub fn has(&self, attribute: Attribute, value: &str) -> bool {
        self.attributes.iter().any(|(a, v)| *a == attribute && v == value)
    }

    /// The first value of `attribute`.
    pub fn first(&self, attribute: Attribute) -> Option<&str> {
        self.attributes.iter().find(|(a, _)| *a == attribute).map(|(_, v)| v.as_str())
    }

    /// Whether this is the JPKI user-authentication CA: `O=JPKI` and `OU=JPKI for user
    /// authentication` (docs/reader.md §2.3; the same for the 2015 and 2023 CA generations).
    pub fn is_jpki_user_authentication(&self) -> bool {
        self.has(Attribute::Organisation, "JPKI")
            && self.has(Attribute::OrganisationalUnit, "JPKI for user authentication")
    }
}

/// What the guide keeps of a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    /// `validity.notBefore`, a UTC instant.
    pub not_before: NaiveDateTime,
    /// `validity.notAfter`, a UTC instant.
    pub not_after: NaiveDateTime,
    /// The issuer's attributes.
    pub issuer: Name,
    /// The issuer as DER (the contents of its SEQUENCE), for the byte-for-byte CA check.
    pub issuer_der: Vec<u8>,
    /// The subject as DER. The user certificate's is a persistent identifier.
    pub subject_der: Redacted<Vec<u8>>,
    /// The serial number's bytes. An identifier.
    pub serial: Redacted<Vec<u8>>,
}

/// Bytes that are not a certificate this walk can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertError {
    /// Not DER, or not the structure of an X.509 certificate.
    Malformed,
    /// A validity time that is not a valid `UTCTime` or `GeneralizedTime` (docs/reader.md §4.2).
    Time,
}

impl From<der::Error> for CertError {
    fn from(_: der::Error) -> Self {
        CertError::Malformed
    }
}

/// Reads the fields of §4.1 from a DER certificate. The input must be exactly one certificate.
pub fn parse(der_bytes: &[u8]) -> Result<Certificate, CertError> {
    let certificate = AnyRef::from_der(der_bytes)?;
    let tbs = SliceReader::new(expect(certificate, Tag::Sequence)?)?.decode::<AnyRef<'_>>()?;
    let mut tbs = SliceReader::new(expect(tbs, Tag::Sequence)?)?;
    if matches!(tbs.peek_tag()?, Tag::ContextSpecific { constructed: true, number } if number.value() == 0) {
        tbs.decode::<AnyRef<'_>>()?; // version
    }
    let serial = expect(tbs.decode()?, Tag::Integer)?;
    expect(tbs.decode()?, Tag::Sequence)?; // signature algorithm
    let issuer_der = expect(tbs.decode()?, Tag::Sequence)?;
    let mut validity = SliceReader::new(expect(tbs.decode()?, Tag::Sequence)?)?;
    let not_before = time(validity.decode()?)?;
    let not_after = time(validity.decode()?)?;
    if !validity.is_finished() {
        return Err(CertError::Malformed);
    }
    let subject_der = expect(tbs.decode()?, Tag::Sequence)?;
    Ok(Certificate {
        not_before,
        not_after,
        issuer: name(issuer_der)?,
        issuer_der: issuer_der.to_vec(),
        subject_der: Redacted(subject_der.to_vec()),
        serial: Redacted(serial.to_vec()),
    })
}

/// The value of `any` if its tag is `tag`.
fn expect(any: AnyRef<'_>, tag: Tag) -> Result<&[u8], CertError> {
    if any.tag() == tag {
        Ok(any.value())
    } else {
        Err(CertError::Malformed)
    }
}

fn time(any: AnyRef<'_>) -> Result<NaiveDateTime, CertError> {
    parse_time(any.tag().octet(), any.value()).map_err(|_| CertError::Time)
}

/// Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }.
fn name(der_value: &[u8]) -> Result<Name, CertError> {
    let mut attributes = Vec::new();
    let mut rdns = SliceReader::new(der_value)?;
    while !rdns.is_finished() {
        let mut set = SliceReader::new(expect(rdns.decode()?, Tag::Set)?)?;
        while !set.is_finished() {
            let mut pair = SliceReader::new(expect(set.decode()?, Tag::Sequence)?)?;
            let oid = expect(pair.decode()?, Tag::ObjectIdentifier)?;
            let value: AnyRef<'_> = pair.decode()?;
            let text = match value.tag() {
                Tag::PrintableString | Tag::Utf8String => core::str::from_utf8(value.value()).ok(),
                _ => None,
            };
            if let (Some(attribute), Some(text)) = (Attribute::from_oid(oid), text) {
                attributes.push((attribute, text.to_owned()));
            }
        }
    }
    Ok(Name { attributes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certgen::{jpki_user_ca_name, CertSpec, TimeValue, CN, O, OU};
    use chrono::NaiveDate;

    #[test]
    fn reads_validity_issuer_subject_and_serial() {
        let cert = parse(&CertSpec::user().build()).unwrap();
        assert_eq!(cert.not_after, NaiveDate::from_ymd_opt(2029, 10, 10).unwrap().and_hms_opt(14, 59, 59).unwrap());
        assert_eq!(cert.not_before, NaiveDate::from_ymd_opt(2024, 5, 14).unwrap().and_hms_opt(15, 0, 0).unwrap());
        assert!(cert.issuer.is_jpki_user_authentication());
        assert_eq!(cert.issuer.first(Attribute::Organisation), Some("JPKI"));
        assert_eq!(cert.issuer.first(Attribute::Country), Some("JP"));
        assert_eq!(cert.serial.expose(), &vec![0x01, 0x23, 0x45]);
        assert_eq!(name(cert.subject_der.expose()).unwrap().first(Attribute::CommonName), Some("000000TESTONLY00"));
        // The issuer bytes are the contents of the name's SEQUENCE.
        assert_eq!(crate::certgen::tlv(0x30, &cert.issuer_der), crate::certgen::name(&jpki_user_ca_name()));
    }

    #[test]
    fn subject_and_serial_never_print() {
        let cert = parse(&CertSpec::user().build()).unwrap();
        let printed = format!("{cert:?}");
        assert!(!printed.contains("TESTONLY") && printed.contains("<redacted>"), "{printed}");
        let cn_bytes = b"000000TESTONLY00";
        assert!(!printed.contains(&format!("{:?}", cn_bytes.as_slice())));
    }

    #[test]
    fn generalized_time_and_other_issuers() {
        let spec = CertSpec {
            not_after: TimeValue::Generalized("20501010145959Z".to_owned()),
            issuer: vec![(O, "Other CA".to_owned()), (OU, "JPKI for user authentication".to_owned())],
            subject: vec![(CN, "x".to_owned())],
            ..CertSpec::user()
        };
        let cert = parse(&spec.build()).unwrap();
        assert_eq!(cert.not_after.date(), NaiveDate::from_ymd_opt(2050, 10, 10).unwrap());
        assert!(!cert.issuer.is_jpki_user_authentication());
    }

    #[test]
    fn bad_times_and_bad_structure_are_errors() {
        let spec = CertSpec { not_after: TimeValue::Utc("2910101459Z".to_owned()), ..CertSpec::user() };
        assert_eq!(parse(&spec.build()), Err(CertError::Time));
        let good = CertSpec::user().build();
        assert_eq!(parse(&good[..good.len() - 1]), Err(CertError::Malformed));
        let mut trailing = good.clone();
        trailing.push(0);
        assert_eq!(parse(&trailing), Err(CertError::Malformed));
        assert_eq!(parse(&[]), Err(CertError::Malformed));
        assert_eq!(parse(&[0x30, 0x80, 0, 0]), Err(CertError::Malformed));
    }
}
