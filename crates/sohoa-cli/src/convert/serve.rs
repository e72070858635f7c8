//! `sohoa worker`: the process side of the pool. Reads one [`Request`] line at
//! a time on stdin, converts the file in this process and answers with
//! [`Reply::Stage`] lines and one [`Reply::Done`] line on stdout; ends at EOF.

use super::protocol::{path_from_hex, Converted, Reply, Request};
use super::worker;
use anyhow::{Context, Result};
use sohoa_extract::ExtractOptions;
use std::io::{BufRead, Write};

/// Serves requests until stdin closes, on one thread with the stack documents need.
pub fn serve(opts: &ExtractOptions) -> Result<()> {
    std::thread::scope(|s| {
        let server = std::thread::Builder::new().name("sohoa worker".into()).stack_size(sohoa_pipeline::STACK);
        match server.spawn_scoped(s, || serve_here(opts)) {
            Err(e) => Err(anyhow::anyhow!("cannot start the worker thread: {e}")),
            // a panic outside a document's stages ends the worker like an error
            Ok(handle) => handle.join().unwrap_or_else(|_| Err(anyhow::anyhow!("the worker thread panicked"))),
        }
    })
}

/// Serves requests until stdin closes, on this thread.
fn serve_here(opts: &ExtractOptions) -> Result<()> {
    for line in std::io::stdin().lock().lines() {
        let line = line.context("cannot read a request")?;
        let request: Request = serde_json::from_str(&line).context("malformed request")?;
        let path = path_from_hex(&request.path_hex).context("malformed path in request")?;
        let observer: worker::StageObserver = Box::new(|stage, doc_id| {
            // a parent that went away ends this process at the next request anyway
            let _ = send(&Reply::Stage { stage: stage.to_string(), doc_id: doc_id.map(str::to_string) });
        });
        let conversion = worker::convert_observed(&path, opts, observer);
        send(&Reply::Done(Converted::from_conversion(&conversion))).context("cannot answer the parent")?;
    }
    Ok(())
}

/// Writes one reply line and flushes it.
fn send(reply: &Reply) -> std::io::Result<()> {
    // invariant: replies hold only strings, numbers and booleans, which always serialize
    let mut line = serde_json::to_string(reply).expect("replies serialize");
    line.push('\n');
    let mut out = std::io::stdout().lock();
    out.write_all(line.as_bytes())?;
    out.flush()
}
