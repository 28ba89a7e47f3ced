"""The CLI on what it cannot trust: `fix` loses nothing (a read-only file, hard links, the
owner, another writer, a signal, a full disk), and what used to grow quadratically with the input
(snippets on one line, `fix --diff` with many changed lines) or with the number of changes
(memory of a streamed `fix`) grows linearly or stays flat.

Growth is measured as ratios of time or memory at several sizes, never as absolute times."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import cargo_build

LINE = (
    '{"category": "question", "description": "Fråga om bygglov", "channel": "phone", '
    '"submitted_at": "2026-11-28T09:30:00+01:00", "contact": {"phone": "0510-77 00 00"}, '
    '"wants_reply": true}'
)


@pytest.fixture(scope="session")
def cli() -> Path:
    exe = ".exe" if os.name == "nt" else ""
    return cargo_build("-p", "kommun-intl-cli", "--bin", "kommun-intl") / f"kommun-intl{exe}"


def fix(cli: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(cli), "fix", "--kind", "feedback", *args], cwd=cwd,
                          capture_output=True, text=True, env={**os.environ, "LANG": "C"})


def ndjson(path: Path, lines: int) -> bytes:
    data = (LINE + "\n").encode() * lines
    path.write_bytes(data)
    return data


def leftovers(d: Path) -> list[str]:
    return sorted(p.name for p in d.iterdir() if p.name.startswith(".kommun-intl-"))


@pytest.mark.skipif(os.name != "posix", reason="file modes and hard links are POSIX")
def test_a_read_only_file_is_refused(cli: Path, tmp_path: Path) -> None:
    f = tmp_path / "a.ndjson"
    data = ndjson(f, 3)
    f.chmod(0o444)
    r = fix(cli, "a.ndjson", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert "read-only" in r.stderr and "Fixed" not in r.stdout + r.stderr
    assert f.read_bytes() == data and leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="hard links are POSIX")
def test_hard_links_are_not_split(cli: Path, tmp_path: Path) -> None:
    f = tmp_path / "a.ndjson"
    data = ndjson(f, 3)
    os.link(f, tmp_path / "b.ndjson")
    r = fix(cli, "a.ndjson", cwd=tmp_path)
    assert r.returncode == 2 and "hard links" in r.stderr, r.stderr
    assert f.read_bytes() == data == (tmp_path / "b.ndjson").read_bytes()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="only root can give a file to another user")
def test_root_keeps_the_owner_and_mode(cli: Path, tmp_path: Path) -> None:
    f = tmp_path / "a.ndjson"
    ndjson(f, 3)
    os.chown(f, 4321, 4322)
    f.chmod(0o640)
    r = fix(cli, "a.ndjson", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    st = f.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 4322, 0o640)
    assert b"+46510770000" in f.read_bytes()


def wait_for_temporary(d: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while not any((d / n).stat().st_size > 0 for n in leftovers(d) if (d / n).exists()):
        assert proc.poll() is None, "fix ended before it could be disturbed"
        assert time.monotonic() < deadline, "no temporary file within the deadline"
        time.sleep(0.001)


def test_another_writer_is_not_overwritten(cli: Path, tmp_path: Path) -> None:
    f = tmp_path / "a.ndjson"
    data = ndjson(f, 50_000)
    proc = subprocess.Popen([str(cli), "fix", "--kind", "feedback", "a.ndjson"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_temporary(tmp_path, proc)
    extra = b'{"category": "praise", "description": "Tack"}\n'
    with f.open("ab") as out:
        out.write(extra)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 2, err
    assert b"changed while it was being fixed" in err
    assert f.read_bytes() == data + extra
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="signals are POSIX")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_leaves_no_temporary_file(cli: Path, tmp_path: Path, sig: int) -> None:
    f = tmp_path / "a.ndjson"
    data = ndjson(f, 50_000)
    proc = subprocess.Popen([str(cli), "fix", "--kind", "feedback", "a.ndjson"], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_temporary(tmp_path, proc)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert proc.returncode in (130, -sig)
    assert leftovers(tmp_path) == [], "the temporary file is left"
    assert f.read_bytes() == data


def test_the_temporary_file_is_readable_by_its_owner_only(cli: Path, tmp_path: Path) -> None:
    f = tmp_path / "a.ndjson"
    ndjson(f, 50_000)
    f.chmod(0o644)
    proc = subprocess.Popen([str(cli), "fix", "--kind", "feedback", "a.ndjson"], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_temporary(tmp_path, proc)
    modes = [stat.S_IMODE((tmp_path / n).stat().st_mode) for n in leftovers(tmp_path)
             if (tmp_path / n).exists()]
    proc.kill()
    proc.wait()
    assert modes and all(m & 0o077 == 0 for m in modes), [oct(m) for m in modes]


@pytest.fixture
def small_disk(tmp_path: Path) -> Path:
    d = tmp_path / "disk"
    d.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(d)],
                       capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {r.stderr.decode().strip()}")
    yield d
    subprocess.run(["umount", str(d)], check=False)


def test_a_full_disk_writes_nothing_and_says_so(cli: Path, small_disk: Path) -> None:
    f = small_disk / "a.ndjson"
    data = ndjson(f, 320)  # about 60 kB of 96: the new file does not fit beside it
    r = fix(cli, "a.ndjson", cwd=small_disk)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "No space left" in r.stderr or "os error 28" in r.stderr, r.stderr
    assert "Fixed" not in r.stdout + r.stderr
    assert f.read_bytes() == data and leftovers(small_disk) == []


# --------------------------------------------------------------------------------------------
# Growth


def best_time(cmd: list[str], cwd: Path, stdin: bytes | None = None) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True)
        best = min(best, time.perf_counter() - t)
    return best


def assert_linear(what: str, times: list[float]) -> None:
    # Sizes 1, 2 and 4: linear growth gives 4x at the last, quadratic 16x.
    ratio = times[2] / max(times[0], 1e-3)
    assert ratio < 9, f"{what} grows faster than linear: {times} (x{ratio:.1f} for 4x)"


def one_line_feedback(n: int) -> bytes:
    """A one-line document (as web forms send them) with `n` issues and a personal value
    beside each, so that each snippet masks its part of the line."""
    members = ", ".join(f'"f{i}": "Namn {i}"' for i in range(n))
    return f'{{"category": "praise", "description": "x", {members}}}'.encode()


def test_snippets_on_one_long_line_cost_linear_time(cli: Path, tmp_path: Path) -> None:
    times = []
    for n in (2_000, 4_000, 8_000):
        text = one_line_feedback(n)
        times.append(best_time([str(cli), "validate", "--kind", "feedback", "--max-issues",
                                "100000", "-"], tmp_path, text))
    assert_linear("human snippets of one line", times)


def test_fix_diff_costs_linear_time(cli: Path, tmp_path: Path) -> None:
    times = []
    for n in (2_500, 5_000, 10_000):
        lines = tmp_path / f"l{n}.ndjson"
        ndjson(lines, n)
        times.append(best_time([str(cli), "fix", "--kind", "feedback", "--diff", lines.name],
                               tmp_path))
    assert_linear("fix --diff of NDJSON", times)
    times = []
    for n in (2_500, 5_000, 10_000):
        body = ",\n".join(f'    {{"id": "p{i}", "partner": {{"name": {{"sv": " Ort {i} "}}}}}}'
                          for i in range(n))
        reg = tmp_path / f"r{n}.json"
        reg.write_text('{"partnerships": [\n' + body + "\n]}\n")
        times.append(best_time([str(cli), "fix", "--kind", "dataset", "--diff", reg.name],
                               tmp_path))
    assert_linear("fix --diff of one document", times)


def peak_memory_of(cmd: list[str], cwd: Path) -> int:
    """The peak resident memory (kB) of one run of `cmd`, measured from a fresh process."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, capture_output=True,
                         text=True, check=True)
    return int(out.stdout)


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in kB is Linux's")
def test_streamed_fix_and_diff_keep_memory_flat(cli: Path, tmp_path: Path) -> None:
    for args in (["fix", "--kind", "feedback"], ["fix", "--kind", "feedback", "--diff"]):
        peaks = []
        for n in (5_000, 40_000):
            f = tmp_path / f"m{n}.ndjson"
            ndjson(f, n)
            peaks.append(peak_memory_of([str(cli), *args, f.name], tmp_path))
        # Eight times the changed lines (about 6.5 MB more input) may not cost 4 MB more.
        assert peaks[1] - peaks[0] < 4 * 1024, f"{args}: {peaks} kB"
