; Included into electron-builder's NSIS installer (nsis.include in build/electron-builder.config.ts).
;
; The terminal's config and content pack live in %ProgramData%\buergerservice-kiosk, outside the
; app, so IT changes them without a rebuild and an update never touches them: the defaults bundled
; in resources\kiosk-config are copied only where nothing is there yet. default.json becomes
; kiosk-config.json, the file the installed kiosk reads (electron/core/config/configLocation.ts).
; Only the JSON Schema is always replaced: it describes the format of the version just installed.
; Uninstalling leaves the folder alone, like the deb does until it is purged.

!include LogicLib.nsh

!define werExcluded "SOFTWARE\Microsoft\Windows\Windows Error Reporting\ExcludedApplications"
!define kioskExe "buergerservice-kiosk.exe"

!macro customInstall
  Push $0
  Push $1
  ReadEnvStr $0 PROGRAMDATA
  ${If} $0 == ""
    StrCpy $0 "C:\ProgramData"
  ${EndIf}
  StrCpy $0 "$0\buergerservice-kiosk"
  StrCpy $1 "$INSTDIR\resources\kiosk-config"
  CreateDirectory "$0"
  ${IfNot} ${FileExists} "$0\kiosk-config.json"
    CopyFiles /SILENT "$1\default.json" "$0\kiosk-config.json"
  ${EndIf}
  ${IfNot} ${FileExists} "$0\workstation.json"
    CopyFiles /SILENT "$1\workstation.json" "$0\workstation.json"
  ${EndIf}
  ${IfNot} ${FileExists} "$0\content\*.*"
    CopyFiles /SILENT "$1\content" "$0"
  ${EndIf}
  CopyFiles /SILENT "$1\kiosk-config.schema.json" "$0\kiosk-config.schema.json"
  ; A crash dump holds the memory of a citizen's session: Windows Error Reporting keeps none of the
  ; kiosk's (its helper processes run the same executable).
  WriteRegDWORD HKLM "${werExcluded}" "${kioskExe}" 1
  Pop $1
  Pop $0
!macroend

!macro customUnInstall
  DeleteRegValue HKLM "${werExcluded}" "${kioskExe}"
!macroend
