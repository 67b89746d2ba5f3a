"""The Windows installer script compiles (Debian's makensis, as a release would on Linux): per-user,
no administrator rights, Chinese shortcuts, an uninstaller that keeps the data."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "installer.nsi"


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian: nsis) is not installed")
def test_the_installer_script_compiles_from_a_bundle_folder(tmp_path) -> None:
    dist = tmp_path / "dist" / "studyapp"
    (dist / "_internal").mkdir(parents=True)
    for name in ("studyapp.exe", "studyapp-cli.exe", "_internal/python311.dll"):
        (dist / name).write_bytes(b"stand-in")
    out = tmp_path / "studyapp-setup.exe"
    done = subprocess.run(["makensis", "-V2", f"-DDIST={dist}", "-DVERSION=0.1.0", f"-DOUT={out}", str(SCRIPT)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"  # a Windows executable
    text = SCRIPT.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in text and '"$DESKTOP\\${APP}.lnk"' in text
    uninstall = text[text.index('Section "Uninstall"'):]
    assert "学习测评数据" in uninstall and "RMDir /r \"$INSTDIR\"" not in uninstall  # the data stay
