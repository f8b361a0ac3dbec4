; The No Contact installer for Windows, built here by scripts/package-windows.sh
; with NSIS (makensis). Per-machine: the programs under Program Files, the
; service installed and started by nocontactd.exe itself (with its recovery
; actions), a Start-menu entry, the tray at every user's login, and an
; uninstaller in Apps & Features.
;
; makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSRC=DIR -DICON=FILE -DOUT=FILE nocontact.nsi

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define APP "No Contact"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\NoContact"
!define RUNKEY "Software\Microsoft\Windows\CurrentVersion\Run"

Name "${APP}"
OutFile "${OUT}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "${APP}"
VIAddVersionKey "LegalCopyright" "No Contact contributors"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\nocontact.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP}"
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
	${IfNot} ${RunningX64}
		MessageBox MB_ICONSTOP "${APP} needs 64-bit Windows." /SD IDOK
		Abort
	${EndIf}
	SetRegView 64
FunctionEnd

Section "${APP}" SecApp
	SectionIn RO
	SetShellVarContext all
	; An earlier version's service is stopped by install before the binary
	; is replaced; the block it keeps is re-read when the new one starts.
	nsExec::ExecToLog 'taskkill /F /IM nocontact-tray.exe'
	Pop $0
	SetOutPath "$INSTDIR"
	File "${SRC}\nocontact.exe"
	File "${SRC}\nocontact-tray.exe"
	File "/oname=nocontactd-setup.exe" "${SRC}\nocontactd.exe"
	; nocontactd.exe install copies itself into place, creates the service
	; for the person running this installer (their SID owns the daemon),
	; sets its recovery actions and starts it.
	nsExec::ExecToLog '"$INSTDIR\nocontactd-setup.exe" install --owner-sid self'
	Pop $0
	Delete "$INSTDIR\nocontactd-setup.exe"
	${If} $0 != 0
		MessageBox MB_ICONSTOP "The blocking service could not be installed (nocontactd install said $0). Nothing is blocked; see the log above." /SD IDOK
		Abort
	${EndIf}
	CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\nocontact.exe"
	; The tray starts at every user's login: the machine's Run key, since
	; this is a per-machine install (one entry the uninstaller can remove,
	; not one per user profile).
	WriteRegStr HKLM "${RUNKEY}" "NoContactTray" '"$INSTDIR\nocontact-tray.exe"'
	WriteUninstaller "$INSTDIR\uninstall.exe"
	WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APP}"
	WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${APP}"
	WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\nocontact.exe"
	WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
	WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
	Exec '"$INSTDIR\nocontact-tray.exe"'
SectionEnd

Function un.onInit
	SetRegView 64
FunctionEnd

; The service goes first, through nocontactd itself: it refuses while a
; block runs (the block is kept; the sentence says the way out), and
; otherwise has already lifted its hosts section and browser policies.
Section "un.${APP}" UnSecApp
	SectionIn RO
	SetShellVarContext all
	; Run from a copy: Windows cannot remove a program while it runs.
	InitPluginsDir
	CopyFiles /SILENT "$INSTDIR\nocontactd.exe" "$PLUGINSDIR\nocontactd.exe"
	nsExec::ExecToLog '"$PLUGINSDIR\nocontactd.exe" uninstall'
	Pop $0
	${If} $0 == 3
		MessageBox MB_ICONSTOP "${APP} cannot be removed while a block is running: the block stays until it ends. If it is stuck, run $\"nocontactd cleanup$\" as an administrator from $INSTDIR, then uninstall again." /SD IDOK
		SetErrorLevel 3
		Quit
	${ElseIf} $0 != 0
		MessageBox MB_ICONSTOP "The blocking service could not be removed (nocontactd uninstall said $0); nothing was removed. Try again after a restart." /SD IDOK
		SetErrorLevel 1
		Quit
	${EndIf}
	nsExec::ExecToLog 'taskkill /F /IM nocontact-tray.exe'
	Pop $0
	nsExec::ExecToLog 'taskkill /F /IM nocontact.exe'
	Pop $0
	DeleteRegValue HKLM "${RUNKEY}" "NoContactTray"
	Delete "$SMPROGRAMS\${APP}.lnk"
	Delete "$INSTDIR\nocontact.exe"
	Delete "$INSTDIR\nocontact-tray.exe"
	Delete "$INSTDIR\nocontactd.exe"
	Delete "$INSTDIR\uninstall.exe"
	RMDir "$INSTDIR"
	DeleteRegKey HKLM "${UNINSTKEY}"
SectionEnd

; Unticked by default: the person's profiles, journal and history stay for
; a later install unless they ask.
Section /o "un.Also remove my profiles, journal and history" UnSecData
	SetShellVarContext current
	RMDir /r "$APPDATA\nocontact"
	SetShellVarContext all ; $APPDATA is now C:\ProgramData, the service's state and history
	RMDir /r "$APPDATA\NoContact"
SectionEnd
