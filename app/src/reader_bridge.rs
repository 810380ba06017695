//! What crosses between the app's wasm and the card-reader module's (`src/bin/card_reader.rs`): both are built
//! from this crate, so both sides name the same Rust types here, and each crossing is encoded and decoded in
//! one place. Nothing is read back by hand from a bare number or string.
//!
//! - The app calls the module through `window.mynaCardReader` ([`ToModule`]: open, the profile's switches,
//!   draw again, close).
//! - The module gives the app what a read offers ([`ToApp`], docs/reader.md §4.3) through `window.mynaGuide`.
//!   (It draws its own texts, with its own Leptos runtime, from the app's locale files.)
//!
//! Each function of those two objects takes one array of [`Wire`] values; the names and the shapes are here.

use chrono::NaiveDate;
use rules::Pin;

use crate::i18n::{words, Locale};
use crate::profile::ReaderSwitches;

/// The global the card-reader module puts its functions on.
pub const MODULE: &str = "mynaCardReader";
/// The global the app puts its functions for the module on.
pub const GUIDE: &str = "mynaGuide";
/// `mynaGuide`'s function that draws a text.
pub const TEXT: &str = "text";

/// One value of a crossing (a JS string, number or boolean).
#[derive(Clone, Debug, PartialEq)]
pub enum Wire {
    Text(String),
    Number(f64),
    Flag(bool),
}

/// What the app asks of the card-reader module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToModule {
    /// `#reader-root` is there: draw into it in the citizen's language (the module draws its texts itself, with
    /// Leptos, from the same locale files), ask the browser whether WebUSB can be used.
    Mount(Locale),
    /// The municipality profile's switches, once it has arrived or failed: Read is offered from then on.
    Settle(ReaderSwitches),
    /// The citizen changed the language: draw the texts again in it.
    Draw(Locale),
    /// The page closed: cancel a running read, draw nothing more.
    Unmount,
}

/// What the module gives the app from a read, into a journey (docs/reader.md §4.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToApp {
    /// The user certificate's dates (JST), into the expiry journey.
    UseDates { issued_on: NaiveDate, expires_on: NaiveDate },
    /// The card holds no user certificate.
    NoCertificate,
    /// A locked PIN, into the PIN journey.
    LockedPin(Pin),
    /// A read has ended (done or failed): the app focuses the page's heading, which is the app's, not the
    /// module's, to look up.
    FocusHeading,
}

fn text(wire: &Wire) -> Option<&str> {
    match wire {
        Wire::Text(text) => Some(text),
        _ => None,
    }
}

fn date(wire: &Wire) -> Option<NaiveDate> {
    text(wire).and_then(rules::parse_iso_date)
}

fn date_wire(date: NaiveDate) -> Wire {
    Wire::Text(rules::format_iso_date(date))
}

impl ToModule {
    /// Every call, for the module to put each one's function on [`MODULE`].
    pub const NAMES: [&'static str; 4] = ["mount", "settle", "draw", "unmount"];

    /// The function of [`MODULE`] and its arguments.
    pub fn encode(self) -> (&'static str, Vec<Wire>) {
        match self {
            ToModule::Mount(locale) => ("mount", vec![Wire::Text(locale.id().to_owned())]),
            ToModule::Settle(ReaderSwitches { query_pin_tries, rcs300 }) => {
                ("settle", vec![Wire::Flag(query_pin_tries), Wire::Flag(rcs300)])
            }
            ToModule::Draw(locale) => ("draw", vec![Wire::Text(locale.id().to_owned())]),
            ToModule::Unmount => ("unmount", Vec::new()),
        }
    }

    pub fn decode(name: &str, args: &[Wire]) -> Option<ToModule> {
        Some(match (name, args) {
            ("mount", [locale]) => ToModule::Mount(text(locale).and_then(Locale::from_id)?),
            ("settle", [Wire::Flag(query_pin_tries), Wire::Flag(rcs300)]) => {
                ToModule::Settle(ReaderSwitches { query_pin_tries: *query_pin_tries, rcs300: *rcs300 })
            }
            ("draw", [locale]) => ToModule::Draw(text(locale).and_then(Locale::from_id)?),
            ("unmount", _) => ToModule::Unmount,
            _ => return None,
        })
    }
}

impl ToApp {
    /// Every offer, for the app to put each one's function on [`GUIDE`].
    pub const NAMES: [&'static str; 4] = ["useDates", "noCertificate", "lockedPin", "focusHeading"];

    /// The function of [`GUIDE`] and its arguments. A PIN crosses as its choice id (`card-info`).
    pub fn encode(self) -> (&'static str, Vec<Wire>) {
        match self {
            ToApp::UseDates { issued_on, expires_on } => {
                ("useDates", vec![date_wire(issued_on), date_wire(expires_on)])
            }
            ToApp::NoCertificate => ("noCertificate", Vec::new()),
            ToApp::LockedPin(pin) => ("lockedPin", vec![Wire::Text(words::choice_pin_id(pin).to_owned())]),
            ToApp::FocusHeading => ("focusHeading", Vec::new()),
        }
    }

    pub fn decode(name: &str, args: &[Wire]) -> Option<ToApp> {
        Some(match (name, args) {
            ("useDates", [issued, expires]) => ToApp::UseDates { issued_on: date(issued)?, expires_on: date(expires)? },
            ("noCertificate", _) => ToApp::NoCertificate,
            ("lockedPin", [pin]) => ToApp::LockedPin(text(pin).and_then(words::choice_pin_from_id)?),
            ("focusHeading", _) => ToApp::FocusHeading,
            _ => return None,
        })
    }
}

/// The reader crate's name of a PIN as the contract's: the one place the two meet (the reader crate does not
/// depend on `rules`, docs/design.md §1.1 invariant 1).
pub fn contract_pin(pin: reader::apdu::Pin) -> Pin {
    match pin {
        reader::apdu::Pin::User => Pin::User,
        reader::apdu::Pin::Signature => Pin::Signature,
        reader::apdu::Pin::CardInfo => Pin::CardInfo,
        reader::apdu::Pin::Residence => Pin::Residence,
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{call, from_js, to_js};

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    use super::Wire;

    pub fn to_js(wires: &[Wire]) -> Array {
        wires
            .iter()
            .map(|wire| match wire {
                Wire::Text(t) => JsValue::from(t.as_str()),
                Wire::Number(n) => JsValue::from(*n),
                Wire::Flag(b) => JsValue::from(*b),
            })
            .collect()
    }

    /// The wires of an argument (anything but an array is none).
    pub fn from_js(value: &JsValue) -> Vec<Wire> {
        let Some(array) = value.dyn_ref::<Array>() else { return Vec::new() };
        array
            .iter()
            .filter_map(|v| {
                v.as_string()
                    .map(Wire::Text)
                    .or_else(|| v.as_f64().map(Wire::Number))
                    .or_else(|| v.as_bool().map(Wire::Flag))
            })
            .collect()
    }

    /// Calls `window[global][name](wires)`, if it is there, and gives back what it returned.
    pub fn call(global: &str, name: &str, wires: &[Wire]) -> JsValue {
        let Some(object) = web_sys::window().and_then(|w| Reflect::get(&w, &global.into()).ok()) else {
            return JsValue::UNDEFINED;
        };
        Reflect::get(&object, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call1(&object, &to_js(wires)).ok())
            .unwrap_or(JsValue::UNDEFINED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_crossing_comes_back_as_it_went() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        for switches in [(true, false), (false, true)] {
            let call = ToModule::Settle(ReaderSwitches { query_pin_tries: switches.0, rcs300: switches.1 });
            let (name, args) = call.encode();
            assert_eq!(ToModule::decode(name, &args), Some(call));
        }
        let calls = [
            ToModule::Mount(Locale::Ja),
            ToModule::Draw(Locale::En),
            ToModule::Draw(Locale::JaEasy),
            ToModule::Unmount,
        ];
        for call in calls {
            let (name, args) = call.encode();
            assert!(ToModule::NAMES.contains(&name));
            assert_eq!(ToModule::decode(name, &args), Some(call));
        }
        let offers =
            [Pin::User, Pin::Signature, Pin::CardInfo, Pin::Residence].map(ToApp::LockedPin).into_iter().chain([
                ToApp::NoCertificate,
                ToApp::FocusHeading,
                ToApp::UseDates { issued_on: d("2024-05-15"), expires_on: d("2029-10-10") },
            ]);
        for offer in offers {
            let (name, args) = offer.encode();
            assert!(ToApp::NAMES.contains(&name));
            assert_eq!(ToApp::decode(name, &args), Some(offer));
        }
    }

    #[test]
    fn what_cannot_be_read_is_refused() {
        let text = |s: &str| Wire::Text(s.into());
        assert_eq!(ToApp::decode("lockedPin", &[text("card_info")]), None); // the contract's spelling is not the id
        assert_eq!(ToApp::decode("useDates", &[text("2024-02-30"), text("2029-10-10")]), None);
        assert_eq!(ToModule::decode("settle", &[Wire::Flag(true)]), None);
        assert_eq!(ToModule::decode("draw", &[text("fr")]), None);
    }

    #[test]
    fn the_reader_crates_pins_are_the_contracts() {
        for pin in reader::apdu::Pin::ALL {
            // The reader crate's id is the contract's serde name.
            assert_eq!(serde_json::to_value(contract_pin(pin)).unwrap(), pin.id());
        }
    }
}
