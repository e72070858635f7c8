//! Worker processes for `convert` (the Tika-pipes / browser model): each
//! document runs in a `sohoa worker` child of its own process group, with an
//! address-space limit and its own temp folder. A document over its time
//! budget gets its whole process group killed (pdftoppm and tesseract too); a
//! worker that crashes, aborts or runs out of memory becomes one `error`
//! record for its document, and the next document gets a fresh worker. The
//! first workers of a run are forked from the parent ([`super::fork`]);
//! later ones are spawned with exec.

use super::fork::Forked;
use super::protocol::{Converted, Reply, Request};
use super::signals;
use sohoa_extract::ExtractOptions;
use sohoa_map::{ErrorRecord, Record};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How workers are started.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// The `sohoa` binary.
    pub exe: PathBuf,
    /// Arguments after the binary (`worker --ocr … --timeout …`).
    pub args: Vec<String>,
    /// What `args` tell a spawned worker, for a forked one: the options it
    /// converts with (the pool sets `ocr_budget.shared_dir`).
    pub extract: ExtractOptions,
    /// Address-space limit of each worker (and of the programs it runs), bytes.
    pub max_memory: u64,
    /// Hard time budget per document.
    pub timeout: Duration,
    /// The user-facing budget, in seconds, for messages.
    pub timeout_secs: u64,
}

/// Lines of a worker's stderr kept to explain a crash.
const STDERR_TAIL: usize = 20;

/// How often a waiting slot looks for a stop signal.
const POLL: Duration = Duration::from_millis(100);

/// One running `sohoa worker`.
pub struct Worker {
    process: Process,
    stdin: File,
    replies: mpsc::Receiver<Reply>,
    stderr_tail: Arc<Mutex<Vec<String>>>,
}

/// How a document ended when its worker did not answer.
pub enum Lost {
    /// A stop signal arrived; the worker was killed.
    Interrupted,
    /// The worker died or was killed; the error record says why.
    Failed(Box<Converted>),
}

impl Worker {
    /// Starts a worker whose temp files go to `tmp` (created here), sharing
    /// the OCR slot locks of `ocr_slots` with the run's other workers.
    pub fn spawn(cfg: &WorkerConfig, tmp: &Path, ocr_slots: &Path) -> std::io::Result<Worker> {
        std::fs::create_dir_all(tmp)?;
        let mut cmd = Command::new(&cfg.exe);
        cmd.args(&cfg.args)
            .arg("--ocr-slots")
            .arg(ocr_slots)
            .env("TMPDIR", tmp)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let limit = cfg.max_memory;
        // SAFETY: the closure runs between fork and exec and only calls
        // async-signal-safe functions (setrlimit, prctl) on stack data.
        unsafe {
            cmd.pre_exec(move || {
                let rl = libc::rlimit { rlim_cur: limit as libc::rlim_t, rlim_max: limit as libc::rlim_t };
                if libc::setrlimit(libc::RLIMIT_AS, &rl) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                #[cfg(target_os = "linux")]
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong);
                Ok(())
            });
        }
        let mut child = cmd.spawn()?;
        let (Some(stdin), Some(stdout), Some(stderr)) = (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other("worker pipes missing"));
        };
        let pipes = [OwnedFd::from(stdin), OwnedFd::from(stdout), OwnedFd::from(stderr)].map(File::from);
        Ok(Worker::start(Process::Spawned(child), pipes))
    }

    /// Takes over a worker forked by [`super::fork::prefork`].
    pub fn adopt(forked: Forked) -> Worker {
        let Forked { pid, stdin, stdout, stderr } = forked;
        Worker::start(Process::Forked { pid, status: None }, [stdin, stdout, stderr])
    }

    /// Starts reading the replies and stderr of a started worker (`pipes`:
    /// its stdin, stdout, stderr).
    fn start(process: Process, pipes: [File; 3]) -> Worker {
        let [stdin, stdout, stderr] = pipes;
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || read_replies(stdout, tx));
        let stderr_tail = Arc::new(Mutex::new(Vec::new()));
        let tail = Arc::clone(&stderr_tail);
        std::thread::spawn(move || keep_tail(stderr, &tail));
        Worker { process, stdin, replies, stderr_tail }
    }

    /// Converts `path`; `Err` means this worker is gone (killed or dead) and
    /// must be replaced.
    pub fn convert(&mut self, path: &Path, cfg: &WorkerConfig) -> Result<Converted, Lost> {
        self.send(path)?;
        self.receive(path, cfg)
    }

    /// Hands `path` to the worker; [`Worker::receive`] waits for the answer.
    pub fn send(&mut self, path: &Path) -> Result<(), Lost> {
        let line = Request::line(path);
        if self.stdin.write_all(line.as_bytes()).and_then(|()| self.stdin.flush()).is_err() {
            let cause = self.death_cause();
            return Err(Lost::Failed(Box::new(Progress::start().error(&path.display().to_string(), cause))));
        }
        Ok(())
    }

    /// Waits for the worker's answer about `path` (sent by [`Worker::send`]),
    /// killing it at the time budget or at a stop signal.
    pub fn receive(&mut self, path: &Path, cfg: &WorkerConfig) -> Result<Converted, Lost> {
        let display = path.display().to_string();
        let mut progress = Progress::start();
        let deadline = Instant::now() + cfg.timeout;
        loop {
            if signals::received().is_some() {
                self.kill();
                return Err(Lost::Interrupted);
            }
            let now = Instant::now();
            if now >= deadline {
                self.kill();
                return Err(Lost::Failed(Box::new(
                    progress.error(&display, format!("timed out after {} s", cfg.timeout_secs)),
                )));
            }
            match self.replies.recv_timeout(POLL.min(deadline - now)) {
                Ok(Reply::Stage { stage, doc_id }) => {
                    progress.stage = stage;
                    progress.doc_id = doc_id.or(progress.doc_id.take());
                }
                Ok(Reply::Done(converted)) => return Ok(converted),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    let cause = self.death_cause();
                    return Err(Lost::Failed(Box::new(progress.error(&display, cause))));
                }
            }
        }
    }

    /// Kills the worker's whole process group and reaps the worker.
    pub fn kill(&mut self) {
        // SAFETY: killpg on the group this worker leads (its pid is its pgid)
        unsafe { libc::killpg(self.process.id(), libc::SIGKILL) };
        let _ = self.process.wait();
    }

    /// Why the worker stopped answering, after reaping it.
    fn death_cause(&mut self) -> String {
        let status = match self.process.wait() {
            Ok(status) => status,
            Err(e) => return format!("worker lost: {e}"),
        };
        // the group may still hold programs the worker started
        // SAFETY: as in `kill`
        unsafe { libc::killpg(self.process.id(), libc::SIGKILL) };
        // give the stderr reader a moment to take the last lines
        std::thread::sleep(Duration::from_millis(20));
        let tail = self.stderr_tail.lock().map(|t| t.join("\n")).unwrap_or_default();
        describe_death(status.signal(), status.code(), &tail)
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A worker's process: spawned with exec, or forked from this one.
enum Process {
    Spawned(Child),
    /// `status` once reaped.
    Forked {
        pid: libc::pid_t,
        status: Option<ExitStatus>,
    },
}

impl Process {
    /// The pid, which is also the process group.
    fn id(&self) -> libc::pid_t {
        match self {
            // std widened the kernel's pid_t to u32
            Process::Spawned(child) => child.id() as libc::pid_t,
            Process::Forked { pid, .. } => *pid,
        }
    }

    /// Waits for the process to end and reaps it (once; later calls repeat the status).
    fn wait(&mut self) -> std::io::Result<ExitStatus> {
        match self {
            Process::Spawned(child) => child.wait(),
            Process::Forked { status: Some(status), .. } => Ok(*status),
            Process::Forked { pid, status } => loop {
                let mut raw = 0;
                // SAFETY: waitpid on our own child, writing its status into `raw`
                if unsafe { libc::waitpid(*pid, &mut raw, 0) } == *pid {
                    *status = Some(ExitStatus::from_raw(raw));
                    return Ok(ExitStatus::from_raw(raw));
                }
                let e = std::io::Error::last_os_error();
                if e.kind() != std::io::ErrorKind::Interrupted {
                    return Err(e);
                }
            },
        }
    }
}

/// What a document's worker last reported.
struct Progress {
    stage: String,
    doc_id: Option<String>,
}

impl Progress {
    /// Before the worker reported anything.
    fn start() -> Progress {
        Progress { stage: "read".into(), doc_id: None }
    }

    /// The document's error record.
    fn error(self, path: &str, cause: String) -> Converted {
        let record =
            Record::Error(ErrorRecord { doc_id: self.doc_id, path: path.to_string(), stage: self.stage, cause });
        Converted::from_records(&[record])
    }
}

/// The cause of a worker's death, from its exit status and last stderr lines.
pub fn describe_death(signal: Option<i32>, code: Option<i32>, stderr_tail: &str) -> String {
    if stderr_tail.contains("memory allocation of") {
        return "out of memory (the worker's memory limit, --max-memory)".into();
    }
    if stderr_tail.contains("has overflowed its stack") {
        return "crashed (stack overflow)".into();
    }
    match (signal, code) {
        (Some(libc::SIGKILL), _) => "killed (SIGKILL; out of memory?)".into(),
        (Some(s), _) => format!("crashed ({})", signals::name(s)),
        (None, Some(c)) => format!("worker exited with status {c} without an answer"),
        (None, None) => "worker ended without an answer".into(),
    }
}

/// Forwards parsed reply lines until the worker's stdout closes.
fn read_replies(stdout: impl Read, tx: mpsc::Sender<Reply>) {
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { return };
        let Ok(reply) = serde_json::from_str::<Reply>(&line) else { return };
        if tx.send(reply).is_err() {
            return;
        }
    }
}

/// Lines of the Rust runtime that name the cause of an abort.
const CAUSE_MARKERS: [&str; 2] = ["memory allocation of", "has overflowed its stack"];

/// Keeps the last [`STDERR_TAIL`] lines of a worker's stderr, and every line
/// naming the cause of an abort (a backtrace may follow it).
fn keep_tail(stderr: impl Read, tail: &Mutex<Vec<String>>) {
    for line in BufReader::new(stderr).lines() {
        let Ok(line) = line else { return };
        let Ok(mut t) = tail.lock() else { return };
        t.push(line);
        if t.len() > STDERR_TAIL {
            let ordinary = t.iter().position(|l| !CAUSE_MARKERS.iter().any(|m| l.contains(m))).unwrap_or(0);
            t.remove(ordinary);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deaths_are_named_by_their_cause() {
        assert_eq!(
            describe_death(Some(libc::SIGABRT), None, "memory allocation of 512 bytes failed"),
            "out of memory (the worker's memory limit, --max-memory)"
        );
        assert_eq!(
            describe_death(Some(libc::SIGABRT), None, "thread 'x' has overflowed its stack"),
            "crashed (stack overflow)"
        );
        assert_eq!(describe_death(Some(libc::SIGSEGV), None, ""), "crashed (SIGSEGV)");
        assert!(describe_death(None, Some(3), "").contains("status 3"));
    }
}
