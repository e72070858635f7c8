//! sohoa-segment: blocks in, the section tree and logical items out. Never fails, never does I/O.
