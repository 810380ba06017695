//! `myna-rules`: the rules engine for other channels (`docs/contract.md`, "The command").
//!
//! ```text
//! myna-rules guide    [FILE]   # situation JSON (FILE or stdin) -> guidance JSON, exit 0
//! myna-rules password [FILE]   # {"password": "..."}             -> password check JSON, exit 0
//! ```
//!
//! Invalid input prints the contract's error document on stdout and exits 2; a wrong command line
//! or an unreadable FILE prints a usage line on stderr and exits 2. Nothing here decides a rule.

use std::io::{Read, Write};
use std::process::ExitCode;

use rules::{check_password, guide, read_password, read_situation, InputError};

const USAGE: &str = "usage: myna-rules guide [FILE] | myna-rules password [FILE]";

enum Command {
    Guide,
    Password,
}

fn usage() -> ExitCode {
    // Nothing can be done if stderr is closed; the exit code still tells.
    let _ = writeln!(std::io::stderr(), "{USAGE}");
    ExitCode::from(2)
}

/// Reads FILE, or stdin without one. `-` is a file name like any other.
fn read_input(file: Option<&str>) -> std::io::Result<Vec<u8>> {
    match file {
        Some(path) => std::fs::read(path),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
    }
}

/// Pretty JSON of a serializable value, newline-terminated. Serializing the contract's types
/// cannot fail (string keys, no maps with other keys); an empty object is the fallback.
fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

fn run(command: Command, bytes: &[u8]) -> (String, u8) {
    let result: Result<String, InputError> = match command {
        Command::Guide => read_situation(bytes).and_then(|s| guide(&s)).map(|g| to_json(&g)),
        Command::Password => read_password(bytes).map(|p| to_json(&check_password(&p))),
    };
    match result {
        Ok(text) => (text, 0),
        Err(error) => (to_json(&error.to_document()), 2),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, file) = match args.as_slice() {
        [c] => (c.as_str(), None),
        [c, f] => (c.as_str(), Some(f.as_str())),
        _ => return usage(),
    };
    let command = match command {
        "guide" => Command::Guide,
        "password" => Command::Password,
        _ => return usage(),
    };
    let Ok(bytes) = read_input(file) else {
        return usage();
    };
    let (text, code) = run(command, &bytes);
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).and_then(|()| out.flush()).is_err() {
        return ExitCode::from(2);
    }
    ExitCode::from(code)
}
