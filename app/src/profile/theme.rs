//! The profile's `theme` (docs/design.md §6.2, §6.3): a city may set the guide's text colours to its own, as
//! long as text stays readable. Only the listed tokens, each a `#rrggbb` colour at 4.5:1 (WCAG 2.2 AA for
//! text) against every background the guide puts text on; any other value keeps the default of main.css.
//! Applied by `shell::set_colours` with `style.setProperty` on the root element, which the CSP allows
//! (`style-src 'self'` refuses only inline style attributes and elements).

/// White and the quiet grey of notices and table heads (`--color-neutral-solid-gray-50`).
const WHITE: &str = "#ffffff";
const QUIET: &str = "#f2f2f2";

/// The tokens of main.css a city may set, each with the backgrounds main.css draws text of that colour on
/// (the key colour is also the background of white button text: the same contrast either way). The focus
/// ring and the backgrounds are not a city's to set.
pub const TOKENS: [(&str, &[&str]); 5] = [
    ("--color-primitive-blue-900", &[WHITE, QUIET]),
    ("--color-primitive-blue-1000", &[WHITE, QUIET]),
    ("--color-neutral-solid-gray-800", &[WHITE, QUIET]),
    ("--color-neutral-solid-gray-600", &[WHITE, QUIET]),
    ("--color-semantic-error-1", &[WHITE]),
];

/// WCAG AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// x^(1/5) for 0 < x ≤ 1 by Newton's method from above (monotone, exact to the last bits well within the
/// steps): `f64::powf` would bring libm's `pow` into the wasm for this one use.
fn fifth_root(x: f64) -> f64 {
    let mut y = 1.0_f64;
    for _ in 0..40 {
        let y4 = y * y * y * y;
        y = (4.0 * y + x / y4) / 5.0;
    }
    y
}

/// One sRGB channel (0–255) in linear light (WCAG 2.2 "relative luminance"): c^2.4 as c² · (c²)^(1/5).
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        let x = (c + 0.055) / 1.055;
        x * x * fifth_root(x * x)
    }
}

/// The relative luminance of `#rrggbb` (either case), `None` for any other form.
pub fn luminance(colour: &str) -> Option<f64> {
    let hex = colour.strip_prefix('#').filter(|h| h.len() == 6)?.as_bytes();
    let mut sum = 0.0;
    for (pair, weight) in hex.chunks(2).zip([0.2126, 0.7152, 0.0722]) {
        let mut channel = 0u8;
        for &digit in pair {
            channel = channel * 16 + u8::try_from(char::from(digit).to_digit(16)?).ok()?;
        }
        sum += weight * linear(channel);
    }
    Some(sum)
}

/// The WCAG contrast ratio of two colours, `None` if either is not `#rrggbb`.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (a, b) = (luminance(a)?, luminance(b)?);
    Some((a.max(b) + 0.05) / (a.min(b) + 0.05))
}

/// Whether text of this colour is readable on each of `backgrounds`.
pub fn readable(colour: &str, backgrounds: &[&str]) -> bool {
    backgrounds.iter().all(|bg| contrast(colour, bg).is_some_and(|r| r >= MIN_CONTRAST))
}

/// The token, when a city may set it and the colour passes on its backgrounds; `None` keeps the default.
pub fn accept(token: &str, colour: &str) -> Option<&'static str> {
    TOKENS.into_iter().find(|(t, backgrounds)| *t == token && readable(colour, backgrounds)).map(|(t, _)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fifth_root_is_powf_s() {
        for channel in 0..=255u8 {
            let c = f64::from(channel) / 255.0;
            let exact = if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
            assert!((linear(channel) - exact).abs() < 1e-12, "{channel}: {} vs {exact}", linear(channel));
        }
    }

    #[test]
    fn contrast_as_wcag_computes_it() {
        // Black on white is 21:1; the same colour 1:1; DADS blue-900 #0017c1 11.1:1 on white.
        assert!((contrast("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#777777").unwrap() - 1.0).abs() < 1e-12);
        assert!((contrast("#0017c1", "#FFFFFF").unwrap() - 11.096).abs() < 0.001);
        // #767676 is the well-known lightest grey at 4.5:1 on white (4.54); #777777 is just below (4.48).
        assert!(contrast("#767676", "#ffffff").unwrap() >= 4.5);
        assert!(contrast("#777777", "#ffffff").unwrap() < 4.5);
        for bad in ["blue", "#fff", "#0017c1ff", "0017c1", "#gggggg", "#+17c1a", ""] {
            assert_eq!(luminance(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_listed_tokens_with_readable_colours_are_taken() {
        assert_eq!(accept("--color-primitive-blue-900", "#0017c1"), Some("--color-primitive-blue-900"));
        // #767676: 4.54:1 on white but 4.1:1 on the quiet grey of a notice: refused for body text.
        assert!(readable("#767676", &[WHITE]) && !readable("#767676", &[QUIET]));
        assert_eq!(accept("--color-neutral-solid-gray-800", "#767676"), None);
        assert_eq!(accept("--color-neutral-solid-gray-800", "#595959"), Some("--color-neutral-solid-gray-800"));
        // Error text is drawn on white only.
        assert_eq!(accept("--color-semantic-error-1", "#ec0000"), Some("--color-semantic-error-1"));
        assert_eq!(accept("--color-semantic-error-1", "#ff3333"), None);
        // The focus ring and the backgrounds are not a city's to set.
        assert_eq!(accept("--color-primitive-yellow-300", "#000000"), None);
        assert_eq!(accept("--color-neutral-white", "#000000"), None);
        assert_eq!(accept("--color-primitive-blue-900", "red"), None);
    }

    #[test]
    fn the_defaults_of_main_css_pass_their_own_test() {
        let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/styles/main.css")).unwrap();
        let value = |token: &str| -> String {
            let line = css.lines().find(|l| l.trim_start().starts_with(&format!("{token}:"))).unwrap();
            line.split_once(':').unwrap().1.split(';').next().unwrap().trim().to_owned()
        };
        for (token, backgrounds) in TOKENS {
            assert!(readable(&value(token), backgrounds), "{token}: {} in main.css", value(token));
        }
        assert_eq!(value("--color-neutral-white"), WHITE);
        assert_eq!(value("--color-neutral-solid-gray-50"), QUIET);
    }
}
