//! The first workers of a run, forked from `convert` itself while it still
//! runs one thread, rather than spawned with exec: a forked worker starts in a
//! fraction of the time (no exec, no dynamic loading, no CPU probing, the
//! parent's pages shared copy-on-write), which is most of what isolation costs
//! on a folder of small files. A worker started later (after a crash or a
//! timeout) is spawned with exec, and so is every worker when this process
//! already runs other threads (forking then is unsafe).
//!
//! A forked worker is set up the way [`super::pool::Worker::spawn`] sets up a
//! spawned one: its own process group, the address-space limit, SIGKILL when
//! the parent dies, its own `TMPDIR`, the request and reply pipes on stdin and
//! stdout, stderr to the parent, no other file descriptor, and SIGINT/SIGTERM
//! back to their defaults; then it serves requests until stdin closes.

use super::pool::WorkerConfig;
use super::serve::serve;
use sohoa_extract::{ExtractOptions, OcrBudget};
use std::fs::File;
use std::io::Write;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// A forked worker: its pid and the parent's ends of its pipes.
pub struct Forked {
    /// The worker's pid, also its process group.
    pub pid: libc::pid_t,
    /// Requests go here.
    pub stdin: File,
    /// Replies come from here.
    pub stdout: File,
    /// The worker's stderr.
    pub stderr: File,
}

/// The worker's ends of its three pipes.
struct ChildEnds {
    stdin: OwnedFd,
    stdout: OwnedFd,
    stderr: OwnedFd,
}

/// Forks one worker per temp folder in `tmps`, in slot order; none when this
/// process runs other threads (the pool then spawns its workers with exec). A
/// worker that cannot be forked is left out. The workers share `ocr_slots`.
pub fn prefork(cfg: &WorkerConfig, tmps: &[PathBuf], ocr_slots: &Path) -> Vec<Forked> {
    let mut forked = Vec::new();
    if tmps.is_empty() || !single_threaded() {
        return forked;
    }
    let opts = ExtractOptions {
        ocr_budget: OcrBudget { shared_dir: Some(ocr_slots.to_path_buf()), ..cfg.extract.ocr_budget.clone() },
        ..cfg.extract.clone()
    };
    // anything buffered for our stdout would be written twice, once by each copy
    let _ = std::io::stdout().flush();
    for tmp in tmps {
        if let Ok(worker) = fork_worker(cfg, &opts, tmp) {
            forked.push(worker);
        }
    }
    forked
}

/// Whether this process runs one thread (Linux: `/proc/self/task`).
fn single_threaded() -> bool {
    std::fs::read_dir("/proc/self/task").is_ok_and(|tasks| tasks.count() == 1)
}

/// Forks one worker whose temp files go to `tmp` (created here).
fn fork_worker(cfg: &WorkerConfig, opts: &ExtractOptions, tmp: &Path) -> std::io::Result<Forked> {
    std::fs::create_dir_all(tmp)?;
    let (stdin_r, stdin_w) = pipe()?;
    let (stdout_r, stdout_w) = pipe()?;
    let (stderr_r, stderr_w) = pipe()?;
    // SAFETY: getpid has no preconditions
    let parent = unsafe { libc::getpid() };
    // SAFETY: this process runs one thread (checked by the caller), so the
    // child is a whole copy of it and may allocate, lock and run any code;
    // the child never returns from `child_main`.
    match unsafe { libc::fork() } {
        -1 => Err(std::io::Error::last_os_error()),
        0 => {
            let ends = ChildEnds { stdin: stdin_r, stdout: stdout_w, stderr: stderr_w };
            child_main(cfg, opts, tmp, &ends, parent)
        }
        pid => {
            // also done by the child; done here too so a kill of the group never misses it
            // SAFETY: setpgid on our own child, before it can exec (it never does)
            unsafe { libc::setpgid(pid, pid) };
            Ok(Forked { pid, stdin: File::from(stdin_w), stdout: File::from(stdout_r), stderr: File::from(stderr_r) })
        }
    }
}

/// A pipe whose ends close on exec (later workers and the programs a worker
/// runs do not inherit them).
fn pipe() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let mut fds: [RawFd; 2] = [-1; 2];
    // SAFETY: pipe2 writes two descriptors into the array it is given
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just opened and are owned by nobody else
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// The forked worker: sets itself up, serves requests, and exits without
/// running the parent's destructors or returning into the parent's code.
fn child_main(cfg: &WorkerConfig, opts: &ExtractOptions, tmp: &Path, ends: &ChildEnds, parent: libc::pid_t) -> ! {
    let status = catch_unwind(AssertUnwindSafe(|| match set_up(cfg, tmp, ends, parent) {
        Err(e) => {
            eprintln!("sohoa: cannot set up a forked worker: {e}");
            1
        }
        Ok(()) => match serve(opts) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("sohoa: {e:#}");
                1
            }
        },
    }));
    // SAFETY: _exit ends this process at once; nothing of the parent's runs in it
    unsafe { libc::_exit(status.unwrap_or(101)) }
}

/// What exec and `Worker::spawn`'s `pre_exec` do for a spawned worker.
fn set_up(cfg: &WorkerConfig, tmp: &Path, ends: &ChildEnds, parent: libc::pid_t) -> std::io::Result<()> {
    // SAFETY: plain system calls on this process, its descriptors and stack data
    unsafe {
        libc::setpgid(0, 0);
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong);
        // the parent may have died before the line above took effect
        if libc::getppid() != parent {
            libc::_exit(1);
        }
        for signal in [libc::SIGINT, libc::SIGTERM] {
            libc::signal(signal, libc::SIG_DFL);
        }
        for (from, to) in [(&ends.stdin, 0), (&ends.stdout, 1), (&ends.stderr, 2)] {
            if libc::dup2(from.as_raw_fd(), to) < 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
    }
    close_from(3);
    let limit = cfg.max_memory as libc::rlim_t;
    let rl = libc::rlimit { rlim_cur: limit, rlim_max: limit };
    // SAFETY: setrlimit reads the struct it is given
    if unsafe { libc::setrlimit(libc::RLIMIT_AS, &rl) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: this process runs one thread, so nothing reads the environment meanwhile
    std::env::set_var("TMPDIR", tmp);
    Ok(())
}

/// Closes every file descriptor from `first` on: the parent's files, its
/// store, its other workers' pipes (a worker holding a sibling's stdin would
/// keep that sibling from seeing the end of its requests).
fn close_from(first: RawFd) {
    let open: Vec<RawFd> = match std::fs::read_dir("/proc/self/fd") {
        Ok(entries) => entries.flatten().filter_map(|e| e.file_name().to_str()?.parse().ok()).collect(),
        // no /proc: every descriptor up to a generous bound
        Err(_) => (first..4096).collect(),
    };
    for fd in open.into_iter().filter(|&fd| fd >= first) {
        // SAFETY: closing a descriptor nothing in this process uses any more
        // (the directory listing's own one is closed already: EBADF, ignored)
        unsafe { libc::close(fd) };
    }
}
