; Inno Setup 6 script for Disclosure Desk (政务公开台账). Needs Inno Setup 6.3 or newer.
;
;   python packaging\build.py                       (builds the bundle, selftests it, then runs this)
;   ISCC.exe /DAppVersion=0.1.0 packaging\installer.iss
;
; Defines (all optional; build.py passes them):
;   AppVersion  the program version; default: ProductVersion read from the built DisclosureDesk.exe
;   BundleDir   the PyInstaller one-folder bundle; default: ..\dist\DisclosureDesk
;   OutputDir   where DisclosureDesk-Setup-<version>.exe goes; default: ..\dist
;
; Installs per user without administrator rights (an office IT person often has none): {autopf} is then
; %LOCALAPPDATA%\Programs. The "dialog" override still lets an administrator install for all users.
; The officer's data lives in %LOCALAPPDATA%\DisclosureDesk (platformdirs user_data_dir, not roaming);
; this script never installs anything there and never deletes it, so an uninstall or upgrade keeps it.
;
; This file is UTF-8 with a byte-order mark: without the BOM, ISCC would read it in the machine's ANSI
; code page and garble the Chinese text.

#define AppName "政务公开台账"
#define AppExeName "DisclosureDesk.exe"

#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\dist\DisclosureDesk"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\dist"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(BundleDir) + AppExeName, "ProductVersion")
#endif
#if AppVersion == ""
  #error AppVersion is not set and could not be read from the built DisclosureDesk.exe: pass /DAppVersion=x.y.z
#endif

; The Chinese wizard text. ChineseSimplified.isl has long been an *unofficial* Inno Setup translation: the
; 6.x installers do not put it in their Languages folder (newer upstream sources list it as official).
; Use it from the compiler's Languages folder when it is there, else from this folder (copy it here from
; the Inno Setup translations page, see README), else fall back to the English wizard so that a build
; never fails for want of a translation; the texts this script adds itself stay Chinese either way.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define WizardMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define WizardMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
#else
  #define WizardMessages "compiler:Default.isl"
  #pragma message "ChineseSimplified.isl not found: the setup wizard will be in English (see README)."
#endif

[Setup]
; AppId identifies the program to Windows' uninstall list and to later upgrades: never change it.
AppId={{058A7886-45C1-44BF-BE5A-4AF8AF653532}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Disclosure Desk
DefaultDirName={autopf}\DisclosureDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=DisclosureDesk-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
VersionInfoDescription={#AppName} 安装程序
VersionInfoProductName={#AppName}
VersionInfoProductTextVersion={#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running copy (through the Restart Manager) so its files can be replaced on upgrade.
CloseApplications=yes
SetupLogging=yes

[Languages]
Name: "zh"; MessagesFile: "{#WizardMessages}"

[Messages]
; Said at the moment it matters: uninstalling removes the program, never the officer's records.
ConfirmUninstall=确定要卸载“%1”吗？%n%n只删除程序本身。您的数据（数据库、备份和日志）保存在当前用户的 AppData\Local\DisclosureDesk 文件夹中，卸载时不会删除；重新安装后可继续使用。
UninstalledAll=“%1”已从本机卸载。%n%n您的数据仍保留在当前用户的 AppData\Local\DisclosureDesk 文件夹中。如确实不再需要，可在备份后手动删除该文件夹。

[CustomMessages]
DesktopIcon=在桌面创建快捷方式
ShortcutsGroup=快捷方式：
LaunchAfterInstall=立即运行 {#AppName}

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:ShortcutsGroup}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: a library the new version no longer ships must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchAfterInstall}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Code] touching {localappdata}\DisclosureDesk: the data outlives the program.
