//! Writing a file in place without losing anything, for `fix` and `upgrade`: see
//! [`write_safely`].

use std::fs::{File, Metadata};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files being written, removed by the signal handler if the run is
/// interrupted.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary files, then end as the shell expects of
/// an interrupted command.
pub fn clean_up_on_signals() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(files) = TEMPORARY.lock() {
            for f in files.iter() {
                let _ = std::fs::remove_file(f);
            }
        }
        std::process::exit(130);
    });
}

/// Keeps a temporary file's path registered for the signal handler while it exists.
struct Registered(PathBuf);

impl Registered {
    fn new(path: &Path) -> Registered {
        if let Ok(mut files) = TEMPORARY.lock() {
            files.push(path.to_owned());
        }
        Registered(path.to_owned())
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Ok(mut files) = TEMPORARY.lock() {
            files.retain(|f| *f != self.0);
        }
    }
}

/// Refuses a file that could not replace without losing something.
fn check_replaceable(target: &Path, before: &Metadata) -> io::Result<()> {
    if before.permissions().readonly() {
        return Err(io::Error::other("the file is read-only; nothing fixed"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if rustix::fs::access(target, rustix::fs::Access::WRITE_OK).is_err() {
            return Err(io::Error::other("the file is not writable by you; nothing fixed"));
        }
        if before.nlink() > 1 {
            return Err(io::Error::other(format!(
                "the file has {} hard links, and fixing it would split them (this name would get \
                 a new file, the others keep the old one); nothing fixed",
                before.nlink()
            )));
        }
    }
    #[cfg(not(unix))]
    let _ = target;
    Ok(())
}

/// True when the file is still the one read: same inode, size and modification time.
fn unchanged(target: &Path, before: &Metadata) -> io::Result<bool> {
    let now = std::fs::metadata(target)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (now.dev(), now.ino()) != (before.dev(), before.ino()) {
            return Ok(false);
        }
    }
    Ok(now.len() == before.len() && now.modified().ok() == before.modified().ok())
}

/// Writes a new version of `target` with `write` and renames it over the original, losing
/// nothing: the new text goes to a temporary file in the same directory, readable by its owner
/// only, renamed over the original once complete and on disk (the mode is set after the
/// rename); a signal removes it; the original's owner and group are kept or the write is
/// refused; a read-only file, one with other hard links and one that changed since it was read
/// (`before`, its metadata then) are refused.
pub fn write_safely<T>(
    target: &Path,
    before: &Metadata,
    write: impl FnOnce(&mut BufWriter<&File>) -> io::Result<T>,
) -> io::Result<T> {
    check_replaceable(target, before)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    // Created readable and writable by its owner only.
    let tmp = tempfile::Builder::new().prefix(".kommun-intl-").suffix(".tmp").tempfile_in(dir)?;
    let _registered = Registered::new(tmp.path());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mine = tmp.as_file().metadata()?;
        if (mine.uid(), mine.gid()) != (before.uid(), before.gid())
            && std::os::unix::fs::fchown(tmp.as_file(), Some(before.uid()), Some(before.gid()))
                .is_err()
        {
            return Err(io::Error::other(format!(
                "the file belongs to user {} and group {}, which a new file written by you \
                 cannot keep; nothing fixed",
                before.uid(),
                before.gid()
            )));
        }
    }
    let result = {
        let mut w = BufWriter::new(tmp.as_file());
        let result = write(&mut w)?;
        w.flush()?;
        result
    };
    tmp.as_file().sync_all()?;
    if !unchanged(target, before)? {
        return Err(io::Error::other(
            "the file changed while it was being fixed (another program wrote to it); nothing \
             fixed, run again",
        ));
    }
    let file = tmp.persist(target).map_err(|e| e.error)?;
    // The mode last: until the new file is complete and in place, only its owner can read it.
    file.set_permissions(before.permissions())?;
    Ok(result)
}
