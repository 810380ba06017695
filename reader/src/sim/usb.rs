//! The USB side both simulated readers share (docs/reader.md §8.2): the IN endpoint's queue, the
//! transcript, the link's faults (stale data from a connection cut off, a stall, an unplug) and the
//! simulated time a transfer takes. Each reader adds only what its chip answers.

use core::time::Duration;
use std::collections::VecDeque;

use super::clock::SimClock;
use crate::transport::LinkError;

/// One transfer, for transcripts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Transfer {
    /// `transferOut` bytes.
    Out(Vec<u8>),
    /// `transferIn` bytes.
    In(Vec<u8>),
}

/// Faults of the USB link, by transfer index (OUT and IN counted together, from 0).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkFaults {
    /// Data waiting in the reader before the first transfer (from a connection cut off).
    pub stale_at_start: Vec<Vec<u8>>,
    /// From this transfer on, every transfer times out (a stalled reader).
    pub stall_from: Option<usize>,
    /// From this transfer on, the reader is unplugged.
    pub unplug_from: Option<usize>,
}

/// A reader's two endpoints as the host sees them.
#[derive(Clone, Debug)]
pub struct SimUsb {
    clock: SimClock,
    incoming: VecDeque<Vec<u8>>,
    transfers: usize,
    transcript: Vec<Transfer>,
}

impl SimUsb {
    /// Endpoints with nothing waiting, on `clock`.
    pub fn new(clock: SimClock) -> Self {
        Self { clock, incoming: VecDeque::new(), transfers: 0, transcript: Vec::new() }
    }

    /// Every transfer so far.
    pub fn transcript(&self) -> &[Transfer] {
        &self.transcript
    }

    /// Puts one `transferIn`'s bytes in the IN endpoint.
    pub fn queue(&mut self, bytes: Vec<u8>) {
        self.incoming.push_back(bytes);
    }

    /// Starts a transfer: the link's fault for it, if any, after the wait it costs.
    fn start(&mut self, faults: &mut LinkFaults, timeout: Duration) -> Result<(), LinkError> {
        let index = self.transfers;
        self.transfers += 1;
        if index == 0 {
            self.incoming.extend(std::mem::take(&mut faults.stale_at_start));
        }
        let fault = if faults.unplug_from.is_some_and(|n| index >= n) {
            Some(LinkError::Disconnected)
        } else if faults.stall_from.is_some_and(|n| index >= n) {
            Some(LinkError::Timeout)
        } else {
            None
        };
        match fault {
            Some(error) => {
                self.clock.advance(timeout);
                Err(error)
            }
            None => Ok(()),
        }
    }

    /// A `transferOut` of `bytes` taking `took`: recorded, for the reader to answer.
    pub fn write(
        &mut self,
        faults: &mut LinkFaults,
        bytes: &[u8],
        timeout: Duration,
        took: Duration,
    ) -> Result<(), LinkError> {
        self.start(faults, timeout)?;
        self.clock.advance(took);
        self.transcript.push(Transfer::Out(bytes.to_vec()));
        Ok(())
    }

    /// A `transferIn` of at most `max_len` bytes (the rest stays for the next one), taking what `took`
    /// says for the bytes delivered; a timeout when nothing waits.
    pub fn read(
        &mut self,
        faults: &mut LinkFaults,
        max_len: usize,
        timeout: Duration,
        took: impl FnOnce(&[u8]) -> Duration,
    ) -> Result<Vec<u8>, LinkError> {
        self.start(faults, timeout)?;
        let Some(mut bytes) = self.incoming.pop_front() else {
            self.clock.advance(timeout);
            return Err(LinkError::Timeout);
        };
        self.clock.advance(took(&bytes));
        if bytes.len() > max_len {
            let rest = bytes.split_off(max_len);
            self.incoming.push_front(rest);
        }
        self.transcript.push(Transfer::In(bytes.clone()));
        Ok(bytes)
    }
}

/// A transcript as JSON for the e2e mock (docs/reader.md §8.3): the ordered OUT frames expected and the
/// IN frames to answer, each as upper-case hex. Written by hand: no `serde_json` in the crate.
pub fn transcript_json(scenario: &str, transfers: &[Transfer]) -> String {
    let mut json = String::from("{\"scenario\":\"");
    json.extend(scenario.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-'));
    json.push_str("\",\"transfers\":[");
    for (i, transfer) in transfers.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        let (direction, bytes) = match transfer {
            Transfer::Out(bytes) => ("out", bytes),
            Transfer::In(bytes) => ("in", bytes),
        };
        json.push_str("{\"");
        json.push_str(direction);
        json.push_str("\":\"");
        for byte in bytes {
            for nibble in [byte >> 4, byte & 0x0F] {
                json.push(char::from_digit(u32::from(nibble), 16).map_or('0', |c| c.to_ascii_uppercase()));
            }
        }
        json.push_str("\"}");
    }
    json.push_str("]}");
    json
}
