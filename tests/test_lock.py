"""The locks (`requirements.lock`: runtime + dev extra, what CI installs; `requirements-runtime.lock`: what the
image installs) agree with pyproject.toml: every dependency it names is pinned with `==` inside its range, with
hashes, so nobody adds or moves a dependency without re-locking (`bash .ci/lock`)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
SELF = canonicalize_name(PROJECT["name"])


def _pins(name: str) -> dict[str, tuple[Version, list[str]]]:
    """Each pinned package of a lock file: its version and its hashes."""
    text = (ROOT / name).read_text(encoding="utf-8").replace("\\\n", " ")
    pins: dict[str, tuple[Version, list[str]]] = {}
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        spec, *hashes = line.split(" --hash=")
        req = Requirement(spec)
        assert req.url is None, f"{name}: {req.name} is not from the index: {spec}"
        specifiers = list(req.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", (
            f"{name}: {spec} is not pinned with =="
        )
        pins[canonicalize_name(req.name)] = (Version(specifiers[0].version), [h.strip() for h in hashes])
    return pins


def _declared(extras: tuple[str, ...]) -> list[Requirement]:
    """pyproject's runtime dependencies and those of the given extras, extras naming fanzha itself expanded."""
    reqs = [Requirement(r) for r in PROJECT["dependencies"]]
    todo, seen = list(extras), set()
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for req in map(Requirement, PROJECT["optional-dependencies"][extra]):
            if canonicalize_name(req.name) == SELF:
                todo.extend(req.extras)
            else:
                reqs.append(req)
    return [r for r in reqs if r.marker is None or r.marker.evaluate()]


LOCKS = {"requirements.lock": ("dev",), "requirements-runtime.lock": ()}


@pytest.mark.parametrize("lock", LOCKS)
def test_every_declared_dependency_is_pinned_inside_its_range(lock: str) -> None:
    pins = _pins(lock)
    missing = [str(r) for r in _declared(LOCKS[lock]) if canonicalize_name(r.name) not in pins]
    assert not missing, f"{lock} lacks {missing}: re-lock with `bash .ci/lock`"
    outside = [
        f"{r} (locked {pins[canonicalize_name(r.name)][0]})"
        for r in _declared(LOCKS[lock])
        if not r.specifier.contains(pins[canonicalize_name(r.name)][0], prereleases=True)
    ]
    assert not outside, f"{lock} pins outside pyproject's ranges: {outside}: re-lock with `bash .ci/lock`"


@pytest.mark.parametrize("lock", LOCKS)
def test_every_pin_has_hashes_and_nothing_pulls_in_torch(lock: str) -> None:
    pins = _pins(lock)
    unhashed = [name for name, (_, hashes) in pins.items() if not hashes]
    assert not unhashed, f"{lock}: no hashes for {unhashed} (`pip install --require-hashes` would refuse)"
    assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for _, hashes in pins.values() for h in hashes)
    heavy = [n for n in pins if n in {"torch", "triton"} or n.startswith(("nvidia-", "cuda-"))]
    assert not heavy, f"{lock} pulls in {heavy}: fanzha needs neither torch nor CUDA"
    assert SELF not in pins, f"{lock} pins fanzha itself; it is installed with `pip install --no-deps -e .`"


def test_the_runtime_lock_runs_what_ci_tested() -> None:
    full, runtime = _pins("requirements.lock"), _pins("requirements-runtime.lock")
    differ = {n: (str(v), str(full[n][0]) if n in full else None) for n, (v, _) in runtime.items()}
    differ = {n: pair for n, pair in differ.items() if pair[0] != pair[1]}
    assert not differ, f"runtime lock vs requirements.lock (runtime, full): {differ}"


def test_the_lock_is_closed_under_the_installed_packages_requirements() -> None:
    """Every requirement of a pinned package (as far as the installed copy of that very version says; extras
    such as psycopg[binary] included) is pinned too, in its range: a hand-edited lock missing a transitive
    dependency fails here, not in CI's install."""
    pins = _pins("requirements.lock")
    installed: dict[str, list[Requirement]] = {}
    for name, (version, _) in pins.items():
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if Version(dist.version) == version:  # else this environment was not installed from the lock
            installed[name] = [Requirement(r) for r in dist.requires or []]
    if not installed:
        pytest.skip("no package of this environment has the locked version")
    extras: dict[str, set[str]] = {}
    for req in _declared(LOCKS["requirements.lock"]):
        extras.setdefault(canonicalize_name(req.name), set()).update(req.extras)
    needed: set[tuple[str, str]] = set()
    while True:
        before = len(needed)
        for name, reqs in installed.items():
            for req in reqs:
                wanted = ["", *sorted(extras.get(name, ()))]
                if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in wanted):
                    needed.add((name, str(req)))
                    extras.setdefault(canonicalize_name(req.name), set()).update(req.extras)
        if len(needed) == before:
            break
    problems = []
    for name, spec in sorted(needed):
        req = Requirement(spec)
        dep = canonicalize_name(req.name)
        if dep not in pins:
            problems.append(f"{name} needs {req}, not pinned")
        elif not req.specifier.contains(pins[dep][0], prereleases=True):
            problems.append(f"{name} needs {req}, locked {pins[dep][0]}")
    assert not problems, f"re-lock with `bash .ci/lock`: {problems}"


def test_ci_and_the_image_install_from_the_locks() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.lock" in ci and "--no-deps -e ." in ci
    assert "pip-audit" in ci
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-runtime.lock" in dockerfile and "--no-deps ." in dockerfile
    for lock in LOCKS:
        assert "bash .ci/lock" in (ROOT / lock).read_text(encoding="utf-8").split("\n", 6)[4]
