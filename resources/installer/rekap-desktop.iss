; Inno Setup 6 script: a Windows installer from the one-folder bundle of build_installer.spec.
; Build the bundle first (README "Building the installer"), then, from the top of the repository:
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" resources\installer\rekap-desktop.iss
; AppName and AppVersion must equal pyproject.toml's name and version (tests/test_installer.py).

#define AppName "rekap-desktop"
#define AppVersion "0.1.0"
#define AppTitle "Rekap Desktop"
#define Bundle "..\..\dist\" + AppName + "-" + AppVersion

[Setup]
AppId={{6F2C1E4B-9A37-4D58-B0E1-5C8A2D7F4E19}
AppName={#AppTitle}
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher=Rekap Desktop
DefaultDirName={autopf}\{#AppTitle}
DefaultGroupName={#AppTitle}
; Per-user install: an office laptop user without administrator rights can install it.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppTitle} {#AppVersion}
UninstallDisplayIcon={app}\{#AppName}.exe

[Languages]
; Inno Setup ships no Indonesian translation; an unofficial Indonesian.isl placed in its Languages
; folder can be added here as a second line.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppTitle}"; Filename: "{app}\{#AppName}.exe"
; The console twin for the command line (audit --verify, recap --json, …): a window program shows
; no output in cmd.exe, so this shortcut opens a Command Prompt in the program's folder with it.
Name: "{group}\{#AppTitle} (baris perintah)"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#AppName}-cli.exe"" --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppTitle}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\{#AppName}.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppName}.exe"; Description: "{cm:LaunchProgram,{#AppTitle}}"; Flags: nowait postinstall skipifsilent
