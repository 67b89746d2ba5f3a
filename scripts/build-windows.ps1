# Build the Windows bundle and installer of 学习测评 (run in PowerShell on 64-bit Windows 10 1809+
# with Python 3.11 x64 and NSIS 3 installed; no administrator rights needed).
#
#   powershell -ExecutionPolicy Bypass -File scripts\build-windows.ps1
#
# Result: dist\studyapp\studyapp.exe (windowed), dist\studyapp\studyapp-cli.exe (console, for the
# command line and --selftest) and dist\studyapp-setup-<version>.exe (per-user installer).
# Verified only on paper: no Windows machine was available; every step has a Linux counterpart
# under test (build.spec rules: tests\test_bundle_rules.py; the installer script compiles with
# Debian's makensis: tests\test_installer.py).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

py -3.11 -m venv .venv
.\.venv\Scripts\python.exe -m pip install --upgrade pip
.\.venv\Scripts\python.exe -m pip install -e ".[build]"

.\.venv\Scripts\pyinstaller.exe build.spec --noconfirm --distpath dist --workpath build
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# the bundle must start with its own platform plugin (qwindows.dll), not offscreen
.\dist\studyapp\studyapp-cli.exe --selftest
if ($LASTEXITCODE -ne 0) { throw "selftest failed" }

$version = (.\.venv\Scripts\python.exe -c "import studyapp; print(studyapp.__version__)").Trim()
$makensis = (Get-Command makensis.exe -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
& $makensis "-DDIST=$PWD\dist\studyapp" "-DVERSION=$version" "-DOUT=$PWD\dist\studyapp-setup-$version.exe" scripts\installer.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }
Write-Host "done: dist\studyapp-setup-$version.exe"
