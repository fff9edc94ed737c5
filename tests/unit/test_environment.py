"""The set-up that `make site` and `make test` do themselves.

- build_scripts/environment.py finds a damaged environment (a package folder
  deleted, a wrong version), which a stamp file never noticed;
- `make env` reinstalls exactly what is damaged;
- `make browser-deps` installs Debian's chromium and fonts-noto-cjk when absent
  (the apt-get command is replaced by a recorder: the shared machine's
  chromium is never removed, a fresh machine is simulated with a missing path).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts import environment

from project import ROOT


def test_this_environment_is_whole():
    """Every pinned requirement and every package it depends on, with its files."""
    lines = environment.requirement_lines(ROOT / "requirements-dev.txt")
    assert {"pypinyin==0.55.0", "playwright==1.65.2"} <= set(lines)  # -r requirements.txt followed
    wrong, reinstall = environment.problems(lines)
    assert wrong == [] and reinstall == []


def _fake_dist(site: Path, name: str = "fakepkg", version: str = "1.0", with_file: bool = True) -> None:
    info = site / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    (info / "RECORD").write_text(f"{name}/__init__.py,,\n{name}/core.py,,\n{info.name}/METADATA,,\n", encoding="utf-8")
    (site / name).mkdir()
    (site / name / "__init__.py").write_text("", encoding="utf-8")
    if with_file:
        (site / name / "core.py").write_text("", encoding="utf-8")


def test_a_deleted_module_file_is_found_and_named_for_reinstall(tmp_path):
    _fake_dist(tmp_path, with_file=False)
    wrong, reinstall = environment.problems(["fakepkg==1.0"], [str(tmp_path)])
    assert reinstall == ["fakepkg==1.0"] and "missing" in wrong[0]


def test_a_wrong_version_or_missing_package_is_found(tmp_path):
    _fake_dist(tmp_path, version="0.9")
    wrong, reinstall = environment.problems(["fakepkg==1.0", "otherpkg==2.0"], [str(tmp_path)])
    assert reinstall == ["fakepkg==1.0", "otherpkg==2.0"] and len(wrong) == 2


# --- the Makefile ---------------------------------------------------------------

RECORDER = """#!/bin/sh
echo "$*" >> "{log}"
"""


def _recorder(tmp_path: Path) -> tuple[Path, Path]:
    log = tmp_path / "calls.log"
    script = tmp_path / "record"
    script.write_text(RECORDER.format(log=log), encoding="utf-8")
    script.chmod(0o755)
    return script, log


def _make(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def bare_venv(tmp_path):
    """A venv without pip (fast to make) holding one fake package."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site = Path(subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    _fake_dist(site)
    (tmp_path / "req.txt").write_text("fakepkg==1.0\n", encoding="utf-8")
    return venv, site, tmp_path / "req.txt"


def test_make_env_leaves_a_whole_environment_alone(bare_venv, tmp_path):
    venv, site, req = bare_venv
    pip, log = _recorder(tmp_path)
    proc = _make("env", f"VENV={venv}", f"REQUIREMENTS={req}", f"PIP_INSTALL={pip}")
    assert proc.returncode == 0, proc.stderr
    assert not log.exists()


def test_make_env_reinstalls_a_damaged_package(bare_venv, tmp_path):
    venv, site, req = bare_venv
    (site / "fakepkg" / "core.py").unlink()  # a module deleted by hand
    pip, log = _recorder(tmp_path)
    _make("env", f"VENV={venv}", f"REQUIREMENTS={req}", f"PIP_INSTALL={pip}")
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0] == f"-r {req}"
    assert calls[1] == "--force-reinstall --no-deps fakepkg==1.0"


def test_make_test_installs_chromium_and_fonts_when_absent(tmp_path):
    """A fresh Debian machine: no /usr/bin/chromium, no fonts-noto-cjk."""
    apt, log = _recorder(tmp_path)
    proc = _make("browser-deps", f"CHROMIUM={tmp_path / 'no-chromium'}", "HAVE_PACKAGE=false", f"APT_GET={apt}")
    assert proc.returncode == 0, proc.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0] == "update -qq"
    assert calls[1].split()[-2:] == ["chromium", "fonts-noto-cjk"] and calls[1].startswith("install -y")


def test_make_test_installs_nothing_when_present(tmp_path):
    apt, log = _recorder(tmp_path)
    proc = _make("browser-deps", f"CHROMIUM={sys.executable}", "HAVE_PACKAGE=true", f"APT_GET={apt}")
    assert proc.returncode == 0, proc.stderr
    assert not log.exists()


def test_apt_get_runs_through_sudo_when_not_root():
    dry = _make("-n", "browser-deps", "CHROMIUM=/nonexistent", "SUDO=sudo").stdout
    assert "sudo env DEBIAN_FRONTEND=noninteractive apt-get" in dry
    default = _make("-n", "browser-deps", "CHROMIUM=/nonexistent").stdout
    assert ("sudo " in default) == (os.getuid() != 0)


def test_make_test_runs_the_set_up_before_the_tests():
    dry = _make("-n", "test").stdout
    assert dry.index("build_scripts.environment") < dry.index("chromium") < dry.index("-m pytest")


def test_ci_only_calls_make_test():
    commands = [l for l in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
                if l.strip() and not l.startswith("#")]
    assert commands[-1] == "make test"
    assert not any("apt-get" in l for l in commands)
