; Included by electron-builder's NSIS script (per-user install with auto-update).
; Registers the atendo: protocol for the current user so softphones' "on incoming call"
; command hooks and links open the app; tel:/callto: are offered as capabilities only,
; since Windows lets the user (not an installer) pick the default for those.
!macro customInstall
  WriteRegStr HKCU "Software\Classes\atendo" "" "URL:Atendo"
  WriteRegStr HKCU "Software\Classes\atendo" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\atendo\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr HKCU "Software\Atendo\Capabilities" "ApplicationName" "Atendo"
  WriteRegStr HKCU "Software\Atendo\Capabilities" "ApplicationDescription" "Atendo contact center"
  WriteRegStr HKCU "Software\Atendo\Capabilities\URLAssociations" "tel" "Atendo.tel"
  WriteRegStr HKCU "Software\Atendo\Capabilities\URLAssociations" "callto" "Atendo.tel"
  WriteRegStr HKCU "Software\Classes\Atendo.tel\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr HKCU "Software\RegisteredApplications" "Atendo" "Software\Atendo\Capabilities"
!macroend

!macro customUnInstall
  DeleteRegKey HKCU "Software\Classes\atendo"
  DeleteRegKey HKCU "Software\Classes\Atendo.tel"
  DeleteRegKey HKCU "Software\Atendo\Capabilities"
  DeleteRegValue HKCU "Software\RegisteredApplications" "Atendo"
!macroend
