//! A minimal DER writer for the certificates of the tests and the simulated card (docs/reader.md §8.1):
//! TBSCertificates with chosen validity, JPKI-like or other issuers, a made-up `CN=` number and a
//! dummy key and signature. No real person's data; nothing here is ever parsed back by hand.

/// How a validity time is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeValue {
    /// `UTCTime` with these exact characters, e.g. `291010145959Z`.
    Utc(String),
    /// `GeneralizedTime` with these exact characters, e.g. `20501010145959Z`.
    Generalized(String),
}

/// A name attribute: the last arc of `2.5.4.x` and a UTF8String value.
pub type NameAttribute = (u8, String);

/// What to put in a generated certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertSpec {
    /// The serial number's bytes (positive: first byte below `80`).
    pub serial: Vec<u8>,
    /// The issuer, one attribute per RDN.
    pub issuer: Vec<NameAttribute>,
    /// The subject, one attribute per RDN.
    pub subject: Vec<NameAttribute>,
    /// `notBefore`.
    pub not_before: TimeValue,
    /// `notAfter`.
    pub not_after: TimeValue,
    /// The length of the dummy public key, to make a certificate of a chosen size.
    pub key_len: usize,
}

/// The OID arc of `C`.
pub const C: u8 = 6;
/// The OID arc of `O`.
pub const O: u8 = 10;
/// The OID arc of `OU`.
pub const OU: u8 = 11;
/// The OID arc of `CN`.
pub const CN: u8 = 3;

/// The issuer DN of JPKI user-authentication certificates (docs/reader.md §2.3).
pub fn jpki_user_ca_name() -> Vec<NameAttribute> {
    vec![
        (C, "JP".to_owned()),
        (O, "JPKI".to_owned()),
        (OU, "JPKI for user authentication".to_owned()),
        (OU, "Japan Agency for Local Authority Information Systems".to_owned()),
    ]
}

impl CertSpec {
    /// A user-authentication certificate like a real one: issued 2024-05-15 (JST), ending
    /// 2029-10-10 23:59:59 JST, with a made-up CN number.
    pub fn user() -> Self {
        Self {
            serial: vec![0x01, 0x23, 0x45],
            issuer: jpki_user_ca_name(),
            subject: vec![(CN, "000000TESTONLY00".to_owned()), (C, "JP".to_owned())],
            not_before: TimeValue::Utc("240514150000Z".to_owned()),
            not_after: TimeValue::Utc("291010145959Z".to_owned()),
            key_len: 270,
        }
    }

    /// A self-issued CA certificate of the 2023 generation whose subject is the JPKI issuer name.
    pub fn ca_2023() -> Self {
        Self {
            serial: vec![0x07],
            issuer: jpki_user_ca_name(),
            subject: jpki_user_ca_name(),
            not_before: TimeValue::Utc("230301000000Z".to_owned()),
            not_after: TimeValue::Utc("330228145959Z".to_owned()),
            key_len: 270,
        }
    }

    /// The DER bytes.
    pub fn build(&self) -> Vec<u8> {
        let version = tlv(0xA0, &tlv(0x02, &[0x02]));
        let algorithm = tlv(0x30, &[tlv(0x06, &SHA256_WITH_RSA), tlv(0x05, &[])].concat());
        let validity = tlv(0x30, &[time(&self.not_before), time(&self.not_after)].concat());
        let mut key = vec![0x00];
        key.resize(self.key_len.saturating_add(1), 0x5A);
        let spki =
            tlv(0x30, &[tlv(0x30, &[tlv(0x06, &RSA_ENCRYPTION), tlv(0x05, &[])].concat()), tlv(0x03, &key)].concat());
        let tbs = tlv(
            0x30,
            &[
                version,
                tlv(0x02, &self.serial),
                algorithm.clone(),
                name(&self.issuer),
                validity,
                name(&self.subject),
                spki,
            ]
            .concat(),
        );
        tlv(0x30, &[tbs, algorithm, tlv(0x03, &[0x00, 0xDE, 0xAD, 0xBE, 0xEF])].concat())
    }
}

const SHA256_WITH_RSA: [u8; 9] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B];
const RSA_ENCRYPTION: [u8; 9] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01];

/// The DER encoding of a name: one SET per attribute.
pub fn name(attributes: &[NameAttribute]) -> Vec<u8> {
    let rdns: Vec<u8> = attributes
        .iter()
        .flat_map(|(arc, value)| {
            tlv(0x31, &tlv(0x30, &[tlv(0x06, &[0x55, 0x04, *arc]), tlv(0x0C, value.as_bytes())].concat()))
        })
        .collect();
    tlv(0x30, &rdns)
}

fn time(value: &TimeValue) -> Vec<u8> {
    match value {
        TimeValue::Utc(text) => tlv(0x17, text.as_bytes()),
        TimeValue::Generalized(text) => tlv(0x18, text.as_bytes()),
    }
}

/// One DER tag-length-value with the shortest length form.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![tag];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let significant: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == 0).collect();
        out.push(0x80 | significant.len() as u8);
        out.extend_from_slice(&significant);
    }
    out.extend_from_slice(content);
    out
}
