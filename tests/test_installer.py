"""The Windows installer script (Inno Setup) names the package and version of pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "resources" / "installer" / "rekap-desktop.iss"


def _defines() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8")
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', text, flags=re.MULTILINE))


def test_the_installer_has_the_package_name_and_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    defines = _defines()
    assert defines["AppName"] == project["name"]
    assert defines["AppVersion"] == project["version"]


def test_the_installer_packs_the_folder_the_spec_builds() -> None:
    # GIVEN the spec's COLLECT name "<name>-<version>" and EXE name "<name>"
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert 'name=f"{NAME}-{VERSION}"' in spec and "name=NAME" in spec
    text = ISS.read_text(encoding="utf-8")
    # THEN the script takes that folder from dist/ and starts that program
    assert '#define Bundle "..\\..\\dist\\" + AppName + "-" + AppVersion' in text
    assert 'Source: "{#Bundle}\\*"' in text
    assert 'Filename: "{app}\\{#AppName}.exe"' in text


def test_the_spec_and_the_installer_carry_the_console_program() -> None:
    # GIVEN the window program, which shows no output in cmd.exe on Windows
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    text = ISS.read_text(encoding="utf-8")
    # THEN the spec builds its console twin into the same folder, and the installer offers it
    assert 'name=f"{NAME}-cli", console=True' in spec
    assert "COLLECT(window, console," in spec
    assert '"{app}\\{#AppName}-cli.exe"' in text


def test_the_top_level_of_the_repository_is_unchanged() -> None:
    names = {p.name for p in ROOT.iterdir() if not p.name.startswith(".")}
    # local build output and pip's metadata, never committed
    names = {n for n in names if n not in {"build", "dist", "__pycache__"}}
    names = {n for n in names if not n.endswith(".egg-info")}
    assert names == {
        "rekap_desktop",
        "resources",
        "ui",
        "tests",
        "pyproject.toml",
        "build_installer.spec",
        "README.md",
    }
