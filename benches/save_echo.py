#!/usr/bin/env python3
"""A save never blocks input: the release binary in a pseudo-terminal on a copy of a map,
seven rounds of (score the emotion lane, Ctrl-S, 5 ms later an edit) timing how soon the
edit typed during the save shows, and how long the save takes to land on disk.

    cargo build --release --bin cxmap
    python3 benches/save_echo.py target/release/cxmap /tmp/perf-maps/m2800.json

The map is copied to a temporary folder first (the rounds save over it). Prints one line:
the edit alone, the edit 5 ms after Ctrl-S (median and max) and the save's median time.
No dependencies beyond python3. The first stage of a generated map is "Awareness".
"""
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import sys
import tempfile
import termios
import time


def main():
    binary, original = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="cxmap-save-echo-")
    path = os.path.join(work, "map.json")
    shutil.copyfile(original, path)
    env = dict(os.environ, CXMAP_DATA_DIR=os.path.join(work, "data"),
               CXMAP_CONFIG_DIR=os.path.join(work, "config"), TERM="xterm-256color")
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, path], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

    def wait_for(needle, limit=60):
        seen, start = b"", time.perf_counter()
        while time.perf_counter() - start < limit:
            if select.select([fd], [], [], 0.001)[0]:
                seen += os.read(fd, 1 << 20)
                if needle in seen:
                    return
        raise SystemExit("never saw %r" % needle)

    def first_output(limit=10):
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            if select.select([fd], [], [], 0.0005)[0]:
                os.read(fd, 1 << 20)
                return time.perf_counter()
        raise SystemExit("no output")

    def drain(quiet=0.3):
        last = time.perf_counter()
        while time.perf_counter() - last < quiet:
            if select.select([fd], [], [], 0.02)[0]:
                os.read(fd, 1 << 20)
                last = time.perf_counter()

    wait_for(b"Awareness")
    drain(1.0)
    os.write(fd, b"\x1b[B\x1b[B")  # down to the emotion lane
    drain()
    alone, during, saves = [], [], []
    for i in range(7):
        os.write(fd, b"+" if i % 2 == 0 else b"-")
        t0 = time.perf_counter()
        alone.append((first_output() - t0) * 1000)
        drain()
        inode = os.stat(path).st_ino
        os.write(fd, b"\x13")  # Ctrl-S
        t_save = time.perf_counter()
        time.sleep(0.005)
        while select.select([fd], [], [], 0)[0]:
            os.read(fd, 1 << 20)
        os.write(fd, b"-" if i % 2 == 0 else b"+")
        t1 = time.perf_counter()
        during.append((first_output() - t1) * 1000)
        deadline = time.perf_counter() + 20
        while os.stat(path).st_ino == inode and time.perf_counter() < deadline:
            time.sleep(0.001)
        if os.stat(path).st_ino == inode:
            raise SystemExit("round %d: the save never landed" % i)
        saves.append((time.perf_counter() - t_save) * 1000)
        drain()
    os.write(fd, b"\x13")  # keep the last edit, so quitting asks nothing
    drain(2.0)
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    shutil.rmtree(work, ignore_errors=True)
    med = statistics.median
    print("edit alone: median %.1f ms; edit 5 ms after Ctrl-S: median %.1f ms, max %.1f ms; "
          "save took median %.0f ms" % (med(alone), med(during), max(during), med(saves)))


if __name__ == "__main__":
    main()
