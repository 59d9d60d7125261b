; Inno Setup script: per-machine install of the PyInstaller folder build (dist/dlxh).
; Build on Windows: iscc packaging\dlxh.iss
[Setup]
AppName=DLXH - Thông tin dư luận xã hội
AppVersion=0.1.0
AppPublisher=DLXH
DefaultDirName={autopf}\DLXH
DefaultGroupName=DLXH
OutputBaseFilename=dlxh-setup-0.1.0
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 1809 (build 17763) or later: the Qt 6 minimum.
MinVersion=10.0.17763

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"

[Files]
Source: "..\dist\dlxh\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\DLXH"; Filename: "{app}\dlxh.exe"
Name: "{autodesktop}\DLXH"; Filename: "{app}\dlxh.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình nền"
