//! The calendar file of the result page (docs/design.md §3.6): one all-day event per future `from`
//! (受付開始) and per future `by` (締切) of the engine's actions, as iCalendar (RFC 5545) text.
//! Pure and deterministic (the same guidance, language, profile and day give the same bytes), so it
//! is tested natively; `download` hands it to the browser as a file, with no network.
//!
//! Dates only: `VALUE=DATE` with the exclusive next-day `DTEND`, no `TZID`, no times, so no calendar
//! can move the day. `UID`s are stable (`<action>.<from|by>.<YYYYMMDD>@<calendar domain>`), so a
//! second import updates the events rather than doubling them. No personal data beyond the dates.

use chrono::{Datelike, NaiveDate};
use rules::{Action, Guidance};

use crate::contacts::LOSS_LINE;
use crate::i18n::format::money;
use crate::i18n::rich::{plain, Arg};
use crate::i18n::{words, Locale, Msg};
use crate::present::{self, action_key, Context};

/// Which date of an action an event marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionDate {
    /// `from`: 受付開始.
    From,
    /// `apply_by`: apply by then so that the new card is ready in time (docs/design.md §3.6: a reminder).
    ApplyBy,
    /// `by`: 締切.
    By,
}

impl ActionDate {
    /// The part of the `UID` that names the date.
    fn uid_part(self) -> &'static str {
        match self {
            ActionDate::From => ".from.",
            ActionDate::ApplyBy => ".apply_by.",
            ActionDate::By => ".by.",
        }
    }
}

/// The dates of the guidance that become events: those after `today`, in the engine's order of
/// actions, `from` before `apply_by` before `by`.
pub fn events(g: &Guidance, today: NaiveDate) -> Vec<(&Action, ActionDate, NaiveDate)> {
    let mut out = Vec::new();
    for a in &g.actions {
        for (kind, date) in [(ActionDate::From, a.from), (ActionDate::ApplyBy, a.apply_by), (ActionDate::By, a.by)] {
            if let Some(date) = date.filter(|d| *d > today) {
                out.push((a, kind, date));
            }
        }
    }
    out
}

/// `mynumber-20261124.ics`.
pub fn file_name(today: NaiveDate) -> String {
    let mut name = String::from("mynumber-");
    push_date(&mut name, today);
    name.push_str(".ics");
    name
}

fn push_padded(out: &mut String, n: u32, width: usize) {
    let digits = n.to_string();
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

/// `YYYYMMDD`, the form of `VALUE=DATE`.
fn push_date(out: &mut String, d: NaiveDate) {
    push_padded(out, u32::try_from(d.year()).unwrap_or(0), 4);
    push_padded(out, d.month(), 2);
    push_padded(out, d.day(), 2);
}

/// A TEXT value (RFC 5545 §3.3.11): `\` `;` `,` escaped, a newline as `\n`, every other control character
/// (which TEXT may not hold, CR included) left out. Every value the file takes from elsewhere goes through
/// here, the profile's included: a CR or LF in it can never start a line of its own.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c < ' ' || c == '\u{7f}' => {}
            c => out.push(c),
        }
    }
}

/// Appends one content line, folded so that no physical line exceeds 75 octets (the leading space
/// of a continuation counts), never inside a UTF-8 sequence, ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

/// `NAME:` then the escaped text.
fn push_text(out: &mut String, name: &str, text: &str) {
    let mut line = String::from(name);
    line.push(':');
    escape(&mut line, text);
    push_line(out, &line);
}

/// The event's description: what the date means, the action in a sentence, where, the closed-day
/// note, the fee and what to bring.
fn description(locale: Locale, a: &Action, ctx: Context, kind: ActionDate, date: NaiveDate) -> String {
    let field = |label: Msg, value: String| {
        plain(locale, Msg::IcsField, &[("label", Arg::Msg(label)), ("value", Arg::Text(value))])
    };
    // What and where as the page says them for the citizen (a theft report, the new municipality after a move).
    let body = present::step_body(a, ctx);
    let meaning = words::ics_date(kind);
    let mut text = plain(locale, meaning, &[]);
    let mut line = |more: String| {
        text.push('\n');
        text.push_str(&more);
    };
    line(plain(locale, body, &[("phone", Arg::Phone(LOSS_LINE.to_owned()))]));
    line(field(Msg::ActionWhere, plain(locale, present::place_of(a, ctx), &[])));
    if let (ActionDate::By, Some(reason)) = (kind, present::closed_reason(a)) {
        line(plain(locale, Msg::IcsClosed, &[("date", Arg::Date(date)), ("reason", Arg::Msg(reason))]));
    }
    if let Some(yen) = a.fee_yen {
        line(field(Msg::ActionFee, money(locale, yen)));
    }
    if !a.documents.is_empty() {
        let separator = plain(locale, Msg::IcsSeparator, &[]);
        let mut documents = String::new();
        for (i, d) in a.documents.iter().enumerate() {
            if i > 0 {
                documents.push_str(&separator);
            }
            documents.push_str(&plain(locale, present::document(*d), &[]));
        }
        line(field(Msg::ActionDocuments, documents));
    }
    text
}

/// The calendar file. `ctx` words the steps as the page does; `domain` is the profile's `calendar_domain` (the
/// `UID`s), `owner` the city named in `PRODID`; `DTSTAMP` is `today`, so the same inputs give the same bytes.
pub fn calendar(g: &Guidance, ctx: Context, locale: Locale, domain: &str, owner: &str, today: NaiveDate) -> String {
    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    let mut prodid = String::from("-//");
    prodid.push_str(owner);
    prodid.push_str("//My Number Card guide//");
    prodid.push_str(if locale == Locale::En { "EN" } else { "JA" });
    push_text(&mut out, "PRODID", &prodid);
    push_line(&mut out, "CALSCALE:GREGORIAN");
    let mut stamp = String::from("DTSTAMP:");
    push_date(&mut stamp, today);
    stamp.push_str("T000000Z");
    for (a, kind, date) in events(g, today) {
        let (title, _) = present::action_texts(a.id, a.place);
        let label = words::timeline_date(kind);
        let summary = plain(locale, label, &[("action", Arg::Msg(title))]);
        push_line(&mut out, "BEGIN:VEVENT");
        let mut line = String::from(action_key(a.id));
        line.push_str(kind.uid_part());
        push_date(&mut line, date);
        line.push('@');
        line.push_str(domain);
        push_text(&mut out, "UID", &line);
        push_line(&mut out, &stamp);
        line = String::from("DTSTART;VALUE=DATE:");
        push_date(&mut line, date);
        push_line(&mut out, &line);
        line = String::from("DTEND;VALUE=DATE:");
        push_date(&mut line, date.succ_opt().unwrap_or(date));
        push_line(&mut out, &line);
        push_text(&mut out, "SUMMARY", &summary);
        push_text(&mut out, "DESCRIPTION", &description(locale, a, ctx, kind, date));
        push_line(&mut out, "TRANSP:TRANSPARENT");
        if kind != ActionDate::From {
            // A reminder a week before; many calendars drop alarms on import, the event stands alone.
            push_line(&mut out, "BEGIN:VALARM");
            push_line(&mut out, "ACTION:DISPLAY");
            push_line(&mut out, "TRIGGER:-P7D");
            push_text(&mut out, "DESCRIPTION", &summary);
            push_line(&mut out, "END:VALARM");
        }
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// Offers `text` as a file download from a `Blob` through an object URL and a temporary
/// `<a download>`; `false` when the browser refused a step. Nothing leaves the device. A bridge: the link is
/// the browser's way to download, outside any view, clicked and removed at once.
#[cfg(target_arch = "wasm32")]
pub fn download(name: &str, text: &str) -> bool {
    use wasm_bindgen::{JsCast, JsValue};

    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/calendar; charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let document = leptos::prelude::document();
    let anchor = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let (Some(anchor), Some(body)) = (anchor, document.body()) else {
        let _ = web_sys::Url::revoke_object_url(&url);
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    let attached = body.append_child(&anchor).is_ok();
    anchor.click();
    if attached {
        anchor.remove();
    }
    // Revoked a little later: some browsers read the URL after the click has returned.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules::{ActionId, Card, Situation};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// cases/card-renewal-notice-60-days-ahead.json: renew_card from 2029-10-02 by 2030-01-01.
    fn renewal() -> Guidance {
        let s = Situation {
            today: d("2029-08-15"),
            birth_date: d("1980-01-01"),
            nationality: Default::default(),
            stay_expires_on: None,
            card: Some(Card { issued_on: Some(d("2020-01-10")), ..Card::default() }),
            user_certificate: None,
            signature_certificate: None,
            events: vec![],
        };
        rules::guide(&s).unwrap()
    }

    fn lines(text: &str) -> Vec<&str> {
        text.strip_suffix("\r\n").unwrap().split("\r\n").collect()
    }

    /// The content lines with folding undone.
    fn unfolded(text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in lines(text) {
            match l.strip_prefix(' ') {
                Some(rest) => out.last_mut().unwrap().push_str(rest),
                None => out.push(l.to_owned()),
            }
        }
        out
    }

    #[test]
    fn one_event_per_future_date_with_stable_uids() {
        let g = renewal();
        let ics = calendar(&g, Context::default(), Locale::Ja, "city.kawasaki.jp", "Kawasaki City", d("2029-08-15"));
        let l = unfolded(&ics);
        assert_eq!(l[0], "BEGIN:VCALENDAR");
        assert_eq!(l[1], "VERSION:2.0");
        assert_eq!(l[2], "PRODID:-//Kawasaki City//My Number Card guide//JA");
        assert_eq!(l[3], "CALSCALE:GREGORIAN");
        assert_eq!(l.last().unwrap(), "END:VCALENDAR");
        let uids: Vec<&String> = l.iter().filter(|x| x.starts_with("UID:")).collect();
        assert_eq!(
            uids,
            [
                "UID:renew_card.from.20291002@city.kawasaki.jp",
                "UID:renew_card.apply_by.20291201@city.kawasaki.jp",
                "UID:renew_card.by.20300101@city.kawasaki.jp"
            ]
        );
        for want in [
            "DTSTAMP:20290815T000000Z",
            "DTSTART;VALUE=DATE:20291002",
            "DTEND;VALUE=DATE:20291003",
            "DTSTART;VALUE=DATE:20300101",
            "DTEND;VALUE=DATE:20300102",
            "SUMMARY:受付開始：カードを更新する",
            "SUMMARY:申請の目安：カードを更新する",
            "DTSTART;VALUE=DATE:20291201",
            "SUMMARY:期限：カードを更新する",
            "TRANSP:TRANSPARENT",
            "TRIGGER:-P7D",
        ] {
            assert!(l.iter().any(|x| x == want), "{want} in\n{ics}");
        }
        assert_eq!(l.iter().filter(|x| *x == "BEGIN:VEVENT").count(), 3);
        assert_eq!(l.iter().filter(|x| *x == "BEGIN:VALARM").count(), 2, "alarms before applying and the deadline");
        let deadline = l.iter().find(|x| x.starts_with("DESCRIPTION:この日までに手続き")).unwrap();
        assert!(deadline.contains("年末年始の休みのため、窓口は休みです"), "the closed day named: {deadline}");
        assert!(!ics.contains("TZID") && !ics.contains("VTIMEZONE"));
        let description = l.iter().find(|x| x.starts_with("DESCRIPTION:この日から")).unwrap();
        assert!(description.contains("手数料：無料"), "{description}");
        assert!(description.contains("持ち物：マイナンバーカード、有効期限通知書（届いていれば）"), "{description}");
        assert!(description.contains("\\n"), "lines of the description as \\n: {description}");
    }

    #[test]
    fn past_and_today_dates_make_no_event() {
        let g = renewal();
        // The day the window opens: only the deadline is still ahead.
        let ics = calendar(&g, Context::default(), Locale::Ja, "city.kawasaki.jp", "Kawasaki City", d("2029-10-02"));
        assert!(!ics.contains(".from."));
        assert!(ics.contains("UID:renew_card.by.20300101@city.kawasaki.jp"));
        assert_eq!(events(&g, d("2030-01-01")).len(), 0);
        let empty = calendar(&g, Context::default(), Locale::Ja, "city.kawasaki.jp", "Kawasaki City", d("2030-01-01"));
        assert!(!empty.contains("BEGIN:VEVENT"));
        assert!(empty.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn crlf_and_folding_at_75_octets_never_inside_a_character() {
        let g = renewal();
        for locale in Locale::ALL {
            let ics = calendar(&g, Context::default(), locale, "city.kawasaki.jp", "Kawasaki City", d("2029-08-15"));
            assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF in {locale:?}");
            assert!(!ics.replace("\r\n", "").contains('\r'), "bare CR in {locale:?}");
            assert!(ics.ends_with("\r\n"));
            for l in lines(&ics) {
                assert!(l.len() <= 75, "{} octets: {l}", l.len());
            }
            // Some line was long enough to fold (the Japanese descriptions are).
            assert!(lines(&ics).iter().any(|l| l.starts_with(' ')), "{locale:?}");
        }
        // Kanji are 3 octets: a fold never splits one.
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{}", "漢".repeat(60)));
        let physical = lines(&out);
        assert!(physical.iter().all(|l| l.len() <= 75));
        assert_eq!(physical[0].len(), 8 + 22 * 3, "SUMMARY: and 22 kanji fit in 74 octets, a 23rd would make 77");
        assert!(physical[1..].iter().all(|l| l.starts_with(' ') && l.len() <= 75));
        let rejoined: String = physical.iter().enumerate().map(|(i, l)| if i == 0 { *l } else { &l[1..] }).collect();
        assert_eq!(rejoined, format!("SUMMARY:{}", "漢".repeat(60)));
        // Exactly 75 octets is not folded; 76 is.
        let mut exact = String::new();
        push_line(&mut exact, &"a".repeat(75));
        assert_eq!(exact, format!("{}\r\n", "a".repeat(75)));
        let mut over = String::new();
        push_line(&mut over, &"a".repeat(76));
        assert_eq!(over, format!("{}\r\n a\r\n", "a".repeat(75)));
    }

    #[test]
    fn text_values_are_escaped() {
        let mut out = String::new();
        escape(&mut out, "a\\b;c,d\ne\r\nf\tg\u{1b}h\u{7f}i\rj");
        assert_eq!(out, "a\\\\b\\;c\\,d\\ne\\nf\tghij");
        // The English description has commas, escaped in the file.
        let ics =
            calendar(&renewal(), Context::default(), Locale::En, "city.kawasaki.jp", "Kawasaki City", d("2029-08-15"));
        let l = unfolded(&ics);
        assert!(l.iter().any(|x| x == "PRODID:-//Kawasaki City//My Number Card guide//EN"));
        let description = l.iter().find(|x| x.starts_with("DESCRIPTION:") && x.contains("What to bring")).unwrap();
        assert!(description.contains("\\,"), "{description}");
        assert!(!description.replace("\\,", "").contains(','), "{description}");
    }

    #[test]
    fn the_steps_are_worded_as_the_page_words_them() {
        // A citizen who has moved out of the city: the step is at the new municipality, in the file as on the page.
        let moved_out = Context { moving_out: true, moved_out: true, ..Context::default() };
        let ics = calendar(&renewal(), moved_out, Locale::Ja, "city.kawasaki.jp", "Kawasaki City", d("2029-08-15"));
        let l = unfolded(&ics);
        let description = l.iter().find(|x| x.starts_with("DESCRIPTION:")).unwrap();
        assert!(description.contains("新しい住所の市区町村の窓口"), "{description}");
        assert!(!description.contains("お住まいの区役所"), "{description}");
        let here = unfolded(&calendar(
            &renewal(),
            Context::default(),
            Locale::Ja,
            "city.kawasaki.jp",
            "Kawasaki City",
            d("2029-08-15"),
        ));
        assert!(here.iter().any(|x| x.starts_with("DESCRIPTION:") && x.contains("お住まいの区役所")));
    }

    #[test]
    fn a_hostile_profile_cannot_write_lines_into_the_file() {
        // The profile's owner and domain with line breaks, properties of their own and TEXT's special
        // characters: every one stays inside its property's value.
        let owner =
            "Evil City\r\nBEGIN:VEVENT\r\nSUMMARY:pay here, now; \\ok\nATTACH:https://evil.example/x\u{0}\u{7f}\tend";
        let domain = "city.example.jp\r\nDESCRIPTION:call 0570-000-000\rX-EVIL:1";
        let g = renewal();
        for locale in Locale::ALL {
            let ics = calendar(&g, Context::default(), locale, domain, owner, d("2029-08-15"));
            assert!(!ics.replace("\r\n", "").contains(['\r', '\n']), "a bare CR or LF");
            assert!(!ics.contains('\u{0}') && !ics.contains('\u{7f}'), "a control character");
            let l = unfolded(&ics);
            // The same properties, in the same order, as with a harmless profile.
            let names = |lines: &[String]| -> Vec<String> {
                lines.iter().map(|x| x.split([':', ';']).next().unwrap().to_owned()).collect()
            };
            let plain = unfolded(&calendar(
                &g,
                Context::default(),
                locale,
                "city.kawasaki.jp",
                "Kawasaki City",
                d("2029-08-15"),
            ));
            assert_eq!(names(&l), names(&plain), "{ics}");
            let prodid = l.iter().find(|x| x.starts_with("PRODID:")).unwrap();
            assert_eq!(
                prodid.strip_prefix("PRODID:").unwrap().rsplit_once("//").unwrap().0,
                "-//Evil City\\nBEGIN:VEVENT\\nSUMMARY:pay here\\, now\\; \\\\ok\\nATTACH:https://evil.example/x\tend//My Number Card guide"
            );
            for uid in l.iter().filter(|x| x.starts_with("UID:")) {
                assert!(uid.ends_with("@city.example.jp\\nDESCRIPTION:call 0570-000-000X-EVIL:1"), "{uid}");
            }
            for line in lines(&ics) {
                assert!(line.len() <= 75, "{line}");
            }
        }
    }

    #[test]
    fn the_same_inputs_give_the_same_bytes() {
        let g = renewal();
        let a = calendar(&g, Context::default(), Locale::JaEasy, "city.kawasaki.jp", "Kawasaki City", d("2029-08-15"));
        let b = calendar(
            &g.clone(),
            Context::default(),
            Locale::JaEasy,
            "city.kawasaki.jp",
            "Kawasaki City",
            d("2029-08-15"),
        );
        assert_eq!(a, b);
        // やさしい日本語: the ruby marks are reduced to their base in the file.
        assert!(!a.contains('|') && !a.contains('{'), "{a}");
        assert_eq!(file_name(d("2029-08-15")), "mynumber-20290815.ics");
        assert_eq!(file_name(d("2030-01-01")), "mynumber-20300101.ics");
    }

    #[test]
    fn every_action_id_is_the_contracts() {
        // The UID uses the contract's id, the same text serde writes.
        use ActionId as A;
        let all = [
            A::ApplyContinuedUseAbroad,
            A::ApplyNewCard,
            A::ApplyRapidReissue,
            A::ApplyReissue,
            A::FileMoveIn,
            A::FileMoveWithinCity,
            A::LiftSuspension,
            A::PresentCardAfterMove,
            A::ReissueSignatureCertificate,
            A::RenewCard,
            A::RenewCertificates,
            A::ReportLossToOffice,
            A::ReportToPolice,
            A::ResetPin,
            A::SuspendCard,
            A::UpdateCardDetails,
        ];
        for id in all {
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", action_key(id)));
        }
    }
}
