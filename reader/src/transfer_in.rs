//! Bytes collected from `transferIn`s and cut into the whole units of a reader's wire format: the
//! RC-S380's frames ([`crate::rcs380::frame`]) and the RC-S300's CCID messages (`rcs300::ccid`). A unit
//! may arrive over more than one `transferIn`, and one `transferIn` may hold more than one unit; the
//! buffering is the same for both, only the cutting differs.

use core::fmt;
use core::marker::PhantomData;

/// How a wire format cuts its next unit from the front of the bytes received.
pub trait Wire {
    /// A whole unit (a frame, a message).
    type Unit;
    /// Bytes that are not a unit of this format.
    type Error;
    /// The next whole unit, removed from the front of `received`; `Ok(None)` if more bytes are needed.
    /// `last_push` is the length of the last `transferIn` (the RC-S380's error frame is one by itself).
    fn cut(received: &mut Vec<u8>, last_push: usize) -> Result<Option<Self::Unit>, Self::Error>;
}

/// The bytes received and not yet cut, for the wire format `W`.
pub struct Decoder<W> {
    buffer: Vec<u8>,
    /// The length of the last `transferIn`.
    last_push: usize,
    wire: PhantomData<fn() -> W>,
}

impl<W: Wire> Decoder<W> {
    /// An empty decoder.
    pub fn new() -> Self {
        Self { buffer: Vec::new(), last_push: 0, wire: PhantomData }
    }

    /// Forgets buffered bytes (after an error, before a new session).
    pub fn clear(&mut self) {
        self.buffer.clear();
    }

    /// Adds the bytes of one `transferIn`.
    pub fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
        self.last_push = bytes.len();
    }

    /// The next whole unit, `Ok(None)` if more bytes are needed.
    pub fn next_unit(&mut self) -> Result<Option<W::Unit>, W::Error> {
        W::cut(&mut self.buffer, self.last_push)
    }
}

impl<W: Wire> Default for Decoder<W> {
    fn default() -> Self {
        Self::new()
    }
}

impl<W> Clone for Decoder<W> {
    fn clone(&self) -> Self {
        Self { buffer: self.buffer.clone(), last_push: self.last_push, wire: PhantomData }
    }
}

impl<W> fmt::Debug for Decoder<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decoder").field("buffer", &self.buffer).field("last_push", &self.last_push).finish()
    }
}
