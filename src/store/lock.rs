//! A lock file beside a map (`.NAME.cxmap-lock`) tells a second cxmap that the map is
//! open; the map itself is never locked, since saving replaces the file. A lock left by a
//! process that is gone is stale and ignored.

use std::fmt;
use std::path::{Path, PathBuf};

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    pub pid: u32,
    pub host: String,
}

impl fmt::Display for LockHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.is_empty() || self.host == this_host() {
            write!(f, "process {}", self.pid)
        } else {
            write!(f, "process {} on {}", self.pid, self.host)
        }
    }
}

/// A lock this process holds; dropping it removes the lock file (if it is still ours).
#[derive(Debug)]
pub struct MapLock {
    path: PathBuf,
}

fn this_host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_owned())
        .unwrap_or_default()
}

/// Whether process `pid` on this machine is running (a killed process waiting to be
/// reaped is not). Where that cannot be told, it is taken to be running, so a lock is
/// never taken away by mistake.
pub(super) fn is_running(pid: u32) -> bool {
    let proc_root = Path::new("/proc");
    if !proc_root.join("self").exists() {
        return true;
    }
    match std::fs::read_to_string(proc_root.join(pid.to_string()).join("stat")) {
        // The state follows the command name, which is in parentheses and may hold spaces.
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with(['Z', 'X'])),
        Err(_) => false,
    }
}

/// Where the lock file of `map_path` lives.
pub fn lock_path(map_path: &Path) -> PathBuf {
    let name = map_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    map_path.with_file_name(format!(".{name}.cxmap-lock"))
}

fn read_holder(path: &Path) -> Option<LockHolder> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut parts = text.split_whitespace();
    let pid = parts.next()?.parse().ok()?;
    let host = parts.next().unwrap_or_default().to_owned();
    Some(LockHolder { pid, host })
}

impl MapLock {
    /// Another live cxmap holding `map_path`, if any.
    pub fn holder(map_path: &Path) -> Option<LockHolder> {
        let holder = read_holder(&lock_path(map_path))?;
        let ours = holder.pid == std::process::id() && (holder.host.is_empty() || holder.host == this_host());
        let stale = (holder.host.is_empty() || holder.host == this_host()) && !is_running(holder.pid);
        (!ours && !stale).then_some(holder)
    }

    /// Takes the lock of `map_path` (replacing a stale or overruled one). A folder that
    /// cannot hold the lock file gives `None`: the map still opens, unprotected.
    pub fn take(map_path: &Path) -> Option<MapLock> {
        let path = lock_path(map_path);
        std::fs::write(&path, format!("{} {}\n", std::process::id(), this_host())).ok()?;
        Some(MapLock { path })
    }
}

impl Drop for MapLock {
    fn drop(&mut self) {
        if read_holder(&self.path).is_some_and(|h| h.pid == std::process::id()) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_is_seen_by_others_and_removed_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let map = dir.path().join("map.json");
        assert_eq!(MapLock::holder(&map), None);
        let lock = MapLock::take(&map).unwrap();
        assert_eq!(MapLock::holder(&map), None, "our own lock does not count");
        std::fs::write(lock_path(&map), format!("1 {}\n", this_host())).unwrap();
        assert_eq!(
            MapLock::holder(&map).map(|h| h.pid),
            Some(1),
            "process 1 is always running"
        );
        drop(lock);
        assert!(
            lock_path(&map).exists(),
            "a lock that is no longer ours is left alone"
        );
    }

    #[test]
    fn a_lock_of_a_finished_process_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let map = dir.path().join("map.json");
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        std::fs::write(lock_path(&map), format!("{pid} {}\n", this_host())).unwrap();
        assert_eq!(MapLock::holder(&map), None);
    }

    #[test]
    fn a_lock_from_another_machine_is_respected() {
        let dir = tempfile::tempdir().unwrap();
        let map = dir.path().join("map.json");
        std::fs::write(lock_path(&map), "4242 laptop-of-ana\n").unwrap();
        let holder = MapLock::holder(&map).unwrap();
        assert_eq!(holder.to_string(), "process 4242 on laptop-of-ana");
    }
}
