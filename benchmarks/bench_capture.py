"""Capture speed and memory, each beside a baseline measured in the same run.

Run: ``.venv/bin/python benchmarks/bench_capture.py`` (add ``--quick`` for fewer rounds).

Targets (issue: the spine), on a 2-core machine:
- ``import supportkit`` adds at most 15 ms over ``python -c pass``;
- a full capture without screenshot (environment, 3 log tails of 1 MB each, 1,000 breadcrumbs,
  an exception) in under 100 ms median;
- the installed-packages list in under 15 ms for 100 distributions;
- peak memory under 80 MB with a 2 GB log attached.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

PYTHON = sys.executable
WORK = Path(__file__).parent / ".work"


def median_ms(run: Callable[[], object], rounds: int) -> float:
    """Median wall time of ``run`` in milliseconds, after one warm-up call."""
    run()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def process_ms(code: str, rounds: int) -> float:
    """Median wall time of a fresh interpreter running ``code``."""
    return median_ms(lambda: subprocess.run([PYTHON, "-c", code], check=True), rounds)


def bench_import(rounds: int) -> list[tuple[str, float, float, str]]:
    bare = process_ms("pass", rounds)
    with_import = process_ms("import supportkit", rounds)
    added = with_import - bare
    return [
        ("python -c pass (baseline)", bare, 1.0, ""),
        ("python -c 'import supportkit'", with_import, with_import / bare, ""),
        ("  added by import supportkit", added, added / bare, "target <= 15 ms"),
    ]


def make_logs(folder: Path) -> list[Path]:
    """Three 4 MB logs, so each capture reads a 1 MB tail of each."""
    line = b"2026-11-23T14:03:05.123Z INFO invoicer.export: rendered page 12 of invoice 42\n"
    paths = []
    for index in range(3):
        path = folder / f"app-{index}.log"
        path.write_bytes(line * (4 * 1024 * 1024 // len(line)))
        paths.append(path)
    return paths


SCRATCH: list[Path] = []


def scratch_folder() -> Path:
    """A folder under benchmarks/.work, removed when the run ends."""
    WORK.mkdir(exist_ok=True)
    SCRATCH.append(Path(tempfile.mkdtemp(dir=WORK)))
    return SCRATCH[-1]


def bench_capture(rounds: int) -> list[tuple[str, float, float, str]]:
    import supportkit
    from supportkit.collectors.packages import installed_distributions

    folder = scratch_folder()
    logs = make_logs(folder)
    ring = supportkit.BreadcrumbRing(1000)
    for index in range(1000):
        ring.add(f"clicked row {index}", category="ui", data={"row": index})
    reporter = supportkit.Reporter(
        "bench", "1.0", breadcrumbs=ring, exclude=["displays"], bundle_dir=folder
    )
    try:
        {}["missing"]
    except KeyError as exc:
        error = exc

    def capture() -> None:
        bundle = reporter.capture("bench", logs=logs, exception=error, steps=["a", "b"])
        bundle.path.unlink()

    def baseline_zip() -> None:
        # The least any bundler must do: copy the same three 1 MB tails into a deflated zip.
        target = folder / "baseline.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in logs:
                with path.open("rb") as handle:
                    handle.seek(-1024 * 1024, os.SEEK_END)
                    archive.writestr(path.name, handle.read())
        target.unlink()

    zip_ms = median_ms(baseline_zip, rounds)
    capture_ms = median_ms(capture, rounds)

    site = make_site_packages(folder / "site", 100)
    stdlib_ms = median_ms(lambda: list_with_importlib(site), rounds)
    packages_ms = median_ms(lambda: installed_distributions([str(site)]), rounds)
    return [
        ("zip 3 x 1 MB log tails (baseline)", zip_ms, 1.0, ""),
        ("full capture, no screenshot", capture_ms, capture_ms / zip_ms, "target < 100 ms"),
        ("importlib.metadata, 100 dists (baseline)", stdlib_ms, 1.0, ""),
        ("packages collector, 100 dists", packages_ms, packages_ms / stdlib_ms, "target < 15 ms"),
    ]


def make_site_packages(site: Path, count: int) -> Path:
    """A site-packages folder with ``count`` realistic dist-info entries."""
    body = "Summary: a package\n" + "Classifier: Programming Language :: Python\n" * 20
    long_description = "\n" + "A long description line.\n" * 400
    for index in range(count):
        dist = site / f"package_{index}-1.{index}.0.dist-info"
        dist.mkdir(parents=True, exist_ok=True)
        metadata = f"Metadata-Version: 2.1\nName: package-{index}\nVersion: 1.{index}.0\n{body}"
        (dist / "METADATA").write_text(metadata + long_description)
    return site


def list_with_importlib(site: Path) -> list[tuple[str, str]]:
    from importlib.metadata import distributions

    return [(d.metadata["Name"], d.version) for d in distributions(path=[str(site)])]


def bench_memory() -> list[tuple[str, float, float, str]]:
    folder = scratch_folder()
    huge = folder / "huge.log"
    with huge.open("wb") as handle:  # sparse: 2 GB on paper, a few blocks on disk
        handle.truncate(2 * 1024**3)
        handle.seek(0, os.SEEK_END)
        handle.write(b"last line before the crash\n" * 1000)
    setup = "import supportkit; r = supportkit.Reporter('bench', '1', exclude=['displays']);"
    capture = f"r.capture('big log', logs=[{str(huge)!r}], output={str(folder / 'b.zip')!r})"
    no_log = f"r.capture('no log', output={str(folder / 'a.zip')!r})"
    baseline_mb = peak_rss_mb(setup + no_log)
    with_log_mb = peak_rss_mb(setup + capture)
    huge.unlink()
    return [
        ("peak RSS, capture without logs (baseline)", baseline_mb, 1.0, "MB"),
        ("peak RSS, capture with a 2 GB log", with_log_mb, with_log_mb / baseline_mb, "MB, < 80"),
    ]


# Linux carries a process's peak RSS across fork and exec, so a child would report this
# benchmark's own peak (captures of 3 MB of logs) as its own; writing 5 to clear_refs resets
# it to what the child holds on its first line.
_RESET_PEAK = (
    "import contextlib\n"
    "with contextlib.suppress(OSError):\n"
    "    open('/proc/self/clear_refs', 'w').write('5')\n"
)
_PRINT_PEAK = (
    "\nimport resource\n"
    "try:\n"
    "    status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
    "except (OSError, IndexError):\n"
    "    status = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print(status)\n"
)


def peak_rss_mb(code: str) -> float:
    """Peak resident memory of a fresh interpreter running ``code``, in MB."""
    script = _RESET_PEAK + code + _PRINT_PEAK
    out = subprocess.run([PYTHON, "-c", script], check=True, capture_output=True, text=True)
    kilobytes = int(out.stdout.strip().splitlines()[-1])
    return kilobytes / 1024 if sys.platform != "darwin" else kilobytes / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args()
    rounds = 5 if args.quick else 21
    os.environ["SUPPORTKIT_HOME"] = str(scratch_folder())
    try:
        rows = bench_import(rounds) + bench_capture(rounds) + bench_memory()
    finally:
        for folder in SCRATCH:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{'measurement':<44} {'value':>10} {'ratio':>8}  note")
    for name, value, ratio, note in rows:
        unit = "" if "MB" in note else " ms"
        print(f"{name:<44} {value:>7.1f}{unit:<3} {ratio:>7.2f}x  {note}")


if __name__ == "__main__":
    main()
