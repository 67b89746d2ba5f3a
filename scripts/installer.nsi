; 学习测评 installer for Windows (NSIS 3, Unicode). No administrator rights needed: it installs
; for the current user under %LOCALAPPDATA%\Programs\学习测评, with Chinese shortcuts in the
; Start menu and on the desktop; the uninstaller removes the program and keeps the data folder
; (学习记录 and 题库 live in the user's data folder, or beside the program in portable mode).
;
; Build (on Windows after scripts\build-windows.ps1, or on Linux with Debian's nsis package):
;   makensis -DDIST=<folder holding studyapp.exe and studyapp-cli.exe> -DVERSION=0.1.0 -DOUT=<installer.exe> scripts/installer.nsi

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef DIST
  !error "pass -DDIST=<the PyInstaller folder dist\studyapp>"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUT
  !define OUT "studyapp-setup-${VERSION}.exe"
!endif

!define APP "学习测评"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\studyapp"

Name "${APP} ${VERSION}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\studyapp" "InstallDir"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "学习测评"

!include "MUI2.nsh"
!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\studyapp.exe"
!define MUI_FINISHPAGE_RUN_TEXT "启动${APP}"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "${APP}" SecMain
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\卸载${APP}.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\studyapp.exe"
  CreateShortcut "$SMPROGRAMS\${APP}\卸载${APP}.lnk" "$INSTDIR\卸载${APP}.exe"
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\studyapp.exe"
  WriteRegStr HKCU "Software\studyapp" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\studyapp.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\卸载${APP}.exe"'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; the program only: the data folder (学习记录, 题库, 备份) is the unit's and stays
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$SMPROGRAMS\${APP}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\studyapp.exe"
  Delete "$INSTDIR\studyapp-cli.exe"
  Delete "$INSTDIR\卸载${APP}.exe"
  RMDir "$INSTDIR"  ; only if empty: a portable 学习测评数据 folder beside the program is kept
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\studyapp"
SectionEnd
