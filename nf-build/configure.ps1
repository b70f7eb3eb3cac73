<#
.SYNOPSIS
Stores a board's own settings: the WWEP settings file I:\wwep.conf through nanoff's file deployment, and the Wi-Fi
credentials and certificates through nanoff's network deployment (Windows twin of nf-build/configure).

.DESCRIPTION
  nanoff 2.x: nanoff --serialport <COMx> --networkdeployment <network.json>
              nanoff --serialport <COMx> --filedeployment <files.json>
  nanoff 3.x: nanoff deploy serialport <COMx> network <network.json>
              nanoff deploy serialport <COMx> file <files.json>
with temporary files, removed afterwards. nanoff is the version pinned in .config\dotnet-tools.json ("dotnet nanoff"
after "dotnet tool restore"); -Nanoff <path> or $env:NF_NANOFF runs another, whose --version decides the syntax.
The settings file (one Key=value a line, keys of WwepDevice\Core\Settings\BoardSettingKeys.cs) is written when a settings
parameter is given; the firmware reads it at boot, over its compiled settings. The Wi-Fi name and password come from
$env:WWEP_WIFI_SSID / $env:WWEP_WIFI_PASSWORD or are asked for; they are never written into the repository. -Ca
stores a CA bundle on the board, with its record I:\wwep-ca.conf (subject and expiry of each CA, which the board
prints); -RemoveCa stores an empty bundle; without either the stored bundle is left as it is. The board's native TLS
adds the stored bundle to every handshake besides the CA embedded in the image, so each run says what the board will
trust afterwards. -Device (or -DeviceCert/-DeviceKey) adds the device certificate with its private key. -SettingsOnly
skips Wi-Fi and certificates.
The JSON files follow nanoff's schemas: nanoframework/nanoFirmwareFlasher, NetworkDeployment/*.cs and
FileDeployment/FileDeploymentConfiguration.cs, DeploymentFile.cs (see nf-build/configure for the details).
There is no -Show: nanoff cannot read files back from the board. The board prints each setting that differs from
the default, with its source (I:\wwep.conf or compiled in), in its log at every boot.

.PARAMETER Port
The board's serial port, such as COM3.

.PARAMETER Ca
Store these CA certificates (PEM or DER; several must be PEM) as the board's CA bundle, which the board trusts besides
the CA embedded in its image. Usually not needed: the image's CA (certs embed) is enough.

.PARAMETER RemoveCa
Store an empty CA bundle: the board trusts only the CA embedded in its image.

.PARAMETER Device
Also store certs\device.crt.pem with certs\device.key.pem (mutual TLS).

.PARAMETER DeviceCert
Also store this device certificate (PEM) ...

.PARAMETER DeviceKey
... with this private key (PEM); may be left out if the certificate file holds it.

.PARAMETER Server
ServerHost: the WWEP server's name (the name in its certificate) or address.

.PARAMETER FallbackIp
ServerFallbackIp: the IPv4 address used when the name does not resolve.

.PARAMETER TlsName
TlsHostName: the name TLS verifies, when it differs from -Server.

.PARAMETER Mode
Mode: plain, tls or two-button.

.PARAMETER ClientCert
UseClientCertificate=true (mutual TLS).

.PARAMETER NoClientCert
UseClientCertificate=false.

.PARAMETER PlainPort
PlainPort (27708).

.PARAMETER TlsPort
TlsPort (40508).

.PARAMETER Set
Other keys of the firmware as Key=value, for example -Set LedPin=5,ButtonPin=13.

.PARAMETER ClearSettings
Delete I:\wwep.conf: the board goes back to its compiled settings.

.PARAMETER SettingsOnly
Store only the settings file: no Wi-Fi, no certificates.

.PARAMETER Nanoff
Run this nanoff (a path, or a command on PATH) instead of the pinned one.

.PARAMETER Show
Not offered: nanoff cannot read files back from the board, so -Show stops with one line saying so. The board prints
its settings, with their sources, at every boot.

.PARAMETER DryRun
Print the files (password and key hidden) and the commands instead of running them.

.PARAMETER Help
Print this help and stop.

.EXAMPLE
$env:WWEP_WIFI_SSID = 'lab'; nf-build\configure.ps1 -Port COM3 -Server wwep.lan -FallbackIp 192.168.1.20
#>
[CmdletBinding()]
param(
    [string]$Port,
    [string[]]$Ca,
    [switch]$RemoveCa,
    [switch]$Device,
    [string]$DeviceCert,
    [string]$DeviceKey,
    [string]$Server,
    [string]$FallbackIp,
    [string]$TlsName,
    [string]$Mode,
    [switch]$ClientCert,
    [switch]$NoClientCert,
    [string]$PlainPort,
    [string]$TlsPort,
    [string[]]$Set,
    [switch]$ClearSettings,
    [switch]$SettingsOnly,
    [switch]$Show,
    [string]$Nanoff,
    [switch]$DryRun,
    [switch]$Help
)
$ErrorActionPreference = 'Stop'
$script:NfVerb = 'configure'
. (Join-Path $PSScriptRoot 'lib\Common.ps1')
if ($Help) { Get-Help $PSCommandPath -Detailed; exit 0 }
$script:NfDryRun = [bool]$DryRun

if ($Show) { Stop-NfUsage '-Show is not possible: nanoff cannot read files back from the board; the board prints its settings, with their sources, at every boot (serial log at 921600 baud)' }
if (-not $Port) { Stop-NfUsage '-Port <COMx> is required (for example -Port COM3; nf-build\flash.ps1 -ListPorts lists the ports)' }

# --- the settings file: one Key=value a line, in the order given -------------------------------------------------
$settings = New-Object System.Collections.Specialized.OrderedDictionary
function Add-Setting([string]$Key, [string]$Value, [string]$From) {
    if ($settings.Contains($Key)) { Stop-NfUsage "$Key is given twice ($From): give it once" }
    if ($Value -match '[^\x20-\x7e]') { Stop-NfUsage "$Key '$Value' holds a character that is not printable ASCII: names, addresses and numbers are plain ASCII" }
    $settings.Add($Key, $Value)
}
function Assert-PortNumber([string]$Name, [string]$Value) {
    if ($Value -notmatch '^[0-9]+$') { Stop-NfUsage "$Name '$Value' is not a port number (1 to 65535)" }
}
# The keys the firmware knows, read from its own table so that a key added there needs no change here.
$keysFile = Join-Path $script:NfRoot 'WwepDevice\Core\Settings\BoardSettingKeys.cs'
$knownKeys = @()
if (Test-Path -LiteralPath $keysFile) {
    $knownKeys = @(Select-String -LiteralPath $keysFile -Pattern 'new BoardSettingKey\("([A-Za-z0-9]+)"' | ForEach-Object { $_.Matches[0].Groups[1].Value })
}
if ($Server) { Add-Setting 'ServerHost' $Server '-Server' }
if ($FallbackIp) { Add-Setting 'ServerFallbackIp' $FallbackIp '-FallbackIp' }
if ($TlsName) { Add-Setting 'TlsHostName' $TlsName '-TlsName' }
if ($Mode) {
    if ($Mode -cnotin @('plain', 'tls', 'two-button')) { Stop-NfUsage "unknown mode '$Mode': use plain, tls or two-button" }
    Add-Setting 'Mode' $Mode '-Mode'
}
if ($ClientCert) { Add-Setting 'UseClientCertificate' 'true' '-ClientCert' }
if ($NoClientCert) { Add-Setting 'UseClientCertificate' 'false' '-NoClientCert' }
if ($PlainPort) { Assert-PortNumber '-PlainPort' $PlainPort; Add-Setting 'PlainPort' $PlainPort '-PlainPort' }
if ($TlsPort) { Assert-PortNumber '-TlsPort' $TlsPort; Add-Setting 'TlsPort' $TlsPort '-TlsPort' }
foreach ($pair in @($Set | Where-Object { $_ })) {
    if ($pair -notmatch '^([^=]+)=(.*)$') { Stop-NfUsage '-Set takes Key=value, for example -Set LedPin=5' }
    $key = $Matches[1]; $value = $Matches[2]
    if ($key -ceq 'StoredCa') { Stop-NfUsage '-Set StoredCa: the record of the stored CA bundle is written with the bundle, by -Ca <file> or -RemoveCa (in I:\wwep-ca.conf, apart from the settings)' }
    if ($knownKeys.Count -gt 0 -and $knownKeys -cnotcontains $key) { Stop-NfUsage "-Set ${key}: the firmware knows no such key; it knows: $($knownKeys -join ' ')" }
    Add-Setting $key $value '-Set'
}
if ($ClearSettings -and $settings.Count -gt 0) { Stop-NfUsage '-ClearSettings deletes the settings file: give it without settings parameters' }
$settingsFile = $settings.Count -gt 0 -or $ClearSettings
$network = -not $SettingsOnly
if (-not $network -and -not $settingsFile) { Stop-NfUsage '-SettingsOnly needs a setting to store (for example -Server wwep.lan), or -ClearSettings' }
$Ca = @($Ca | Where-Object { $_ })
if ($Ca.Count -gt 0 -and $RemoveCa) { Stop-NfUsage '-Ca stores a CA bundle and -RemoveCa an empty one: give one of them' }
if ($SettingsOnly -and ($Ca.Count -gt 0 -or $RemoveCa)) { Stop-NfUsage '-SettingsOnly stores no certificates: leave out -Ca / -RemoveCa, or -SettingsOnly' }
if ($SettingsOnly -and ($Device -or $DeviceCert)) { Stop-NfUsage '-SettingsOnly stores no certificates: leave out -Device / -DeviceCert, or -SettingsOnly' }
if ($Device) { $DeviceCert = 'certs\device.crt.pem'; $DeviceKey = 'certs\device.key.pem' }
if ($DeviceKey -and -not $DeviceCert) { Stop-NfUsage '-DeviceKey needs -DeviceCert (the certificate that goes with the key)' }

# Relative paths are taken from the current folder; the certs\ defaults from the repository root.
function Resolve-InputPath([string]$Path) {
    if ([System.IO.Path]::IsPathRooted($Path)) { return $Path }
    $here = Join-Path (Get-Location) $Path
    if ($Path.StartsWith('certs\') -and -not (Test-Path -LiteralPath $here)) { return (Join-Path $script:NfRoot $Path) }
    return [System.IO.Path]::GetFullPath($here)
}

$Ca = @($Ca | ForEach-Object { Resolve-InputPath $_ })
foreach ($file in $Ca) {
    if (-not (Test-Path -LiteralPath $file -PathType Leaf)) {
        Add-NfMissing "$file (a CA certificate to store, -Ca): give the path of a CA certificate, PEM or DER (the test CA is certs\ca.crt.pem, made by the certificate tool in certs\)"
    } elseif ($Ca.Count -gt 1 -and -not (Select-String -LiteralPath $file -Pattern '-----BEGIN CERTIFICATE-----' -SimpleMatch -Quiet)) {
        # Several files make one bundle, which mbedTLS can read only as PEM text.
        Stop-NfUsage "-Ca $file is not PEM: a bundle of several CAs must be PEM (openssl x509 -inform der -in $file -out ca.pem converts one)"
    }
}
if ($DeviceCert) {
    $DeviceCert = Resolve-InputPath $DeviceCert
    if (-not (Test-Path -LiteralPath $DeviceCert -PathType Leaf)) {
        Add-NfMissing "$DeviceCert (the device certificate): make it with the certificate tool in certs\, or leave out -Device"
    } elseif (-not $DeviceKey -and -not (Select-String -LiteralPath $DeviceCert -Pattern 'PRIVATE KEY-----' -Quiet)) {
        Stop-NfUsage "$DeviceCert holds no private key: pass it with -DeviceKey <file> (the board needs both)"
    }
    if ($DeviceKey) {
        $DeviceKey = Resolve-InputPath $DeviceKey
        if (-not (Test-Path -LiteralPath $DeviceKey -PathType Leaf)) {
            Add-NfMissing "$DeviceKey (the device private key): it is made with the device certificate by the certificate tool in certs\"
        }
    }
}
$certificateMissing = $script:NfMissing.Count -gt 0

Resolve-NfNanoff $Nanoff
Test-NfPort $Port
# The board's own settings check (nf-build\DeployCheck --settings-file) runs on dotnet, before anything is written.
$checkDotnet = $null
if (($settingsFile -and -not $ClearSettings) -or $Ca.Count -gt 0) {
    $checkDotnet = Find-NfExecutable @('dotnet')
    if (-not $checkDotnet) { Add-NfMissing 'dotnet (the .NET SDK, which runs the board''s own check of the settings, nf-build\DeployCheck): winget install Microsoft.DotNet.SDK.10, or https://dot.net/download' }
}
# Nothing useful can be shown without the certificates, so a missing one stops even a dry run.
if ($certificateMissing) { Stop-NfIfMissing -EvenInDryRun }
Stop-NfIfMissing

$settingsDestination = 'I:\wwep.conf'
function New-SettingsText {
    $lines = @('# WWEP board settings, written by nf-build/configure; the firmware reads them at boot, over its compiled settings.')
    foreach ($entry in $settings.GetEnumerator()) { $lines += "$($entry.Key)=$($entry.Value)" }
    return (($lines -join "`n") + "`n")
}

# The files one after the other; PEM files joined into one bundle get a line end between them where one is missing,
# so that an END line is never glued to the next BEGIN.
function Get-BundleBytes([string[]]$Files) {
    $bytes = New-Object System.Collections.Generic.List[byte]
    foreach ($file in $Files) {
        if ($bytes.Count -gt 0 -and $bytes[$bytes.Count - 1] -ne 10 -and [System.Text.Encoding]::ASCII.GetString($bytes.ToArray()).Contains('-----BEGIN')) { $bytes.Add(10) }
        $bytes.AddRange([System.IO.File]::ReadAllBytes($file))
    }
    return ,$bytes
}

# The board's parser and merge, compiled from WwepDevice\Core\Settings for .NET: configure refuses exactly what the
# board would refuse, with the board's own lines, and writes nothing then (dry runs included).
$checkDll = 'nf-build\DeployCheck\bin\Release\net10.0\DeployCheck.dll'
function Invoke-CheckTool([string[]]$Arguments) {
    Push-Location $script:NfRoot
    try {
        $ErrorActionPreference = 'Continue'
        $answer = (& $checkDotnet @Arguments 2>&1 | Out-String).Trim()
        $code = $LASTEXITCODE
        $ErrorActionPreference = 'Stop'
    } finally { Pop-Location }
    return @{ Text = $answer; Status = $code }
}
if ($checkDotnet) {
    $built = Invoke-CheckTool @('build', 'nf-build\DeployCheck\DeployCheck.csproj', '-c', 'Release', '-nologo', '-v', 'q')
    if ($built.Status -ne 0) {
        [Console]::Error.WriteLine($built.Text)
        Stop-Nf $built.Status 'dotnet could not build nf-build\DeployCheck\DeployCheck.csproj (the board''s settings and CA checks): see its messages above; nothing was written to the board'
    }
}
if ($checkDotnet -and $settingsFile -and -not $ClearSettings) {
    $checkConf = Join-Path ([System.IO.Path]::GetTempPath()) ("wwep-check-" + [guid]::NewGuid().ToString('N') + ".conf")
    try {
        [System.IO.File]::WriteAllText($checkConf, (New-SettingsText), (New-Object System.Text.UTF8Encoding $false))
        $verdict = Invoke-CheckTool @($checkDll, '--settings-file', $checkConf)
        if ($verdict.Status -ne 0) {
            [Console]::Error.WriteLine($verdict.Text)
            Stop-Nf 1 'not stored: the board would refuse these settings (its own check says why, above); nothing was written to the board'
        }
    } finally {
        Remove-Item -LiteralPath $checkConf -ErrorAction SilentlyContinue
    }
}

# The record of the bundle (I:\wwep-ca.conf, read by WwepDevice\Core\Tls\StoredCaRecord.cs) and what the board will
# trust afterwards, worked out before anything is written.
$recordDestination = 'I:\wwep-ca.conf'
$embeddedCa = 'WwepDevice\Resources\ca.crt.der'
$caRecord = ''
$trustLines = @()
if ($Ca.Count -gt 0) {
    $bundle = Join-Path ([System.IO.Path]::GetTempPath()) ("wwep-ca-" + [guid]::NewGuid().ToString('N') + ".pem")
    try {
        [System.IO.File]::WriteAllBytes($bundle, (Get-BundleBytes $Ca).ToArray())
        $answer = Invoke-CheckTool @($checkDll, '--ca-record', $bundle, '--embedded', $embeddedCa)
    } finally {
        Remove-Item -LiteralPath $bundle -ErrorAction SilentlyContinue
    }
    if ($answer.Status -ne 0) {
        [Console]::Error.WriteLine($answer.Text.Replace($bundle, 'the -Ca file(s)'))
        Stop-Nf 1 "not stored: -Ca $($Ca -join ', ') holds no CA certificate the board could use (PEM or DER); nothing was written to the board"
    }
    $answerLines = @($answer.Text -split "`r?`n")
    $caRecord = $answerLines[0]
    $trustLines = @($answerLines | Select-Object -Skip 1)
} elseif ($RemoveCa) {
    $caRecord = 'none'
    $trustLines = @("no stored CA: the bundle is emptied, and $recordDestination records StoredCa=none")
} elseif ($network) {
    $trustLines = @("the stored CA bundle as it is: this run neither stores nor removes one (-Ca <file>, -RemoveCa); the board names it when configure recorded it in $recordDestination")
}
function New-TrustText {
    $lines = @('# the board will trust afterwards (its boot log and status block list the same):',
        "#   the CA embedded in its image ($embeddedCa in this checkout, if the image was built from it)")
    foreach ($line in $trustLines) { $lines += "#   $line" }
    return ($lines -join "`n")
}
function New-RecordText {
    return "# The CA bundle nf-build/configure stored on this board, as the board names it; written with the bundle.`nStoredCa=$caRecord`n"
}
$filesDeployment = $settingsFile -or $caRecord

$ssid = ''
$password = ''
if ($network) {
    if ($null -ne $env:WWEP_WIFI_SSID) {
        $ssid = $env:WWEP_WIFI_SSID
    } elseif ([Environment]::UserInteractive -and -not [Console]::IsInputRedirected) {
        $ssid = Read-Host 'Wi-Fi network name (SSID)'
    } else {
        Stop-NfUsage 'no Wi-Fi network: set $env:WWEP_WIFI_SSID, or run this in a terminal to be asked'
    }
    if ($null -ne $env:WWEP_WIFI_PASSWORD) {
        $password = $env:WWEP_WIFI_PASSWORD
    } elseif ([Environment]::UserInteractive -and -not [Console]::IsInputRedirected) {
        $secure = Read-Host "Wi-Fi password for '$ssid' (empty for an open network)" -AsSecureString
        $password = [System.Net.NetworkCredential]::new('', $secure).Password
    } else {
        Stop-NfUsage 'no Wi-Fi password: set $env:WWEP_WIFI_PASSWORD (empty for an open network), or run this in a terminal to be asked'
    }

    $ssidBytes = [System.Text.Encoding]::UTF8.GetByteCount($ssid)
    if ($ssidBytes -eq 0 -or $ssidBytes -gt 32) { Stop-NfUsage "Wi-Fi network name '$ssid' is $ssidBytes bytes: an SSID has 1 to 32" }
    $passwordBytes = [System.Text.Encoding]::UTF8.GetByteCount($password)
    if ($passwordBytes -eq 64) {
        if ($password -notmatch '^[0-9A-Fa-f]{64}$') { Stop-NfUsage 'the Wi-Fi password has 64 characters but is not a 64-digit hex key: a WPA2 passphrase has 8 to 63' }
    } elseif ($passwordBytes -ne 0 -and ($passwordBytes -lt 8 -or $passwordBytes -gt 63)) {
        Stop-NfUsage "the Wi-Fi password has $passwordBytes characters: a WPA2 passphrase has 8 to 63 (or give none for an open network)"
    }
    if ("$ssid$password" -match '[\x00-\x1f\x7f]') { Stop-NfUsage 'the Wi-Fi name or password holds a control character (tab, newline): check WWEP_WIFI_SSID / WWEP_WIFI_PASSWORD' }
}

# base64 of the files one after the other, plus the NUL byte mbedTLS needs after PEM text (nanoff's own
# CheckNullPemTermination resizes only its local copy, so the byte must be in the data it is given).
function Get-CertificateBase64([string[]]$Files) {
    $bytes = Get-BundleBytes $Files
    $text = [System.Text.Encoding]::ASCII.GetString($bytes.ToArray())
    if ($text.Contains('-----BEGIN') -and $bytes[$bytes.Count - 1] -ne 0) { $bytes.Add(0) }
    return [Convert]::ToBase64String($bytes.ToArray())
}

function New-NetworkDeployment([bool]$Hide) {
    $open = $password.Length -eq 0
    $client = [ordered]@{
        Ssid                = $ssid
        Password            = if ($Hide -and -not $open) { '********' } else { $password }
        Authentication      = if ($open) { 'Open' } else { 'WPA2' }
        Encryption          = if ($open) { 'None' } else { 'WPA2' }
        # AutoConnect (= Enable | 4): the board joins at boot and after a drop, which the firmware waits for.
        ConfigurationOption = 'AutoConnect'
        DhcpEnabled         = $true
        AutomaticDNS        = $true
    }
    $document = [ordered]@{ WirelessClient = $client }
    if ($DeviceCert) {
        $files = @($DeviceCert) + @($DeviceKey | Where-Object { $_ })
        $document.DeviceCertificates = if ($Hide) { "hidden: base64 of $(($files | ForEach-Object { Split-Path -Leaf $_ }) -join ' + '), it holds the private key" } else { Get-CertificateBase64 $files }
    }
    # Without CACertificates nanoff leaves the stored bundle as it is (NetworkDeploymentManager.cs). -RemoveCa stores one
    # NUL byte: nanoff skips an empty value, mbedTLS parses this as DER and fails, and the native code ignores the
    # failure (nf-interpreter ssl_generic_init_internal.cpp), so the board's chain gets no stored CA.
    if ($Ca.Count -gt 0) { $document.CACertificates = Get-CertificateBase64 $Ca }
    elseif ($RemoveCa) { $document.CACertificates = 'AA==' }
    return ($document | ConvertTo-Json -Depth 4)
}

# --- the settings file, the CA record and nanoff's file deployment JSON ------------------------------------------
# Each file is deleted first (nothing of a longer old one can remain), then written; -ClearSettings only deletes.
function New-FilesJson([string]$Source, [string]$RecordSource) {
    $files = @()
    if ($settingsFile) {
        $files += [ordered]@{ DestinationFilePath = $settingsDestination }
        if (-not $ClearSettings) { $files += [ordered]@{ DestinationFilePath = $settingsDestination; SourceFilePath = $Source } }
    }
    if ($caRecord) {
        $files += [ordered]@{ DestinationFilePath = $recordDestination }
        $files += [ordered]@{ DestinationFilePath = $recordDestination; SourceFilePath = $RecordSource }
    }
    return (ConvertTo-Json -Depth 4 -InputObject ([ordered]@{ Files = $files }))
}

if ($script:NfDryRun) {
    if ($network) {
        Write-Output '# <network.json>, written to a temporary file (only this user can read it) and removed afterwards:'
        Write-Output (New-NetworkDeployment $true)
        Write-Output (New-TrustText)
    }
    if ($settingsFile -and -not $ClearSettings) {
        Write-Output "# <wwep.conf>, written to a temporary file and stored on the board as ${settingsDestination}:"
        Write-Output (New-SettingsText).TrimEnd("`n")
    }
    if ($caRecord) {
        Write-Output "# <wwep-ca.conf>, written to a temporary file and stored on the board as ${recordDestination}:"
        Write-Output (New-RecordText).TrimEnd("`n")
    }
    if ($filesDeployment) {
        Write-Output '# <files.json>, written to a temporary file (only this user can read it) and removed afterwards:'
        Write-Output (New-FilesJson '<wwep.conf>' '<wwep-ca.conf>')
    }
    Initialize-NfNanoff
    if ($network) { $op = Get-NfNetworkArguments $Port '<network.json>'; Invoke-NfNanoff $op.Flags $op.Verbs }
    if ($filesDeployment) { $op = Get-NfFileArguments $Port '<files.json>'; Invoke-NfNanoff $op.Flags $op.Verbs }
    Complete-Nf
}

Initialize-NfNanoff
# %TEMP% is in the user's profile, which only that user (and administrators) can read.
$work = Join-Path ([System.IO.Path]::GetTempPath()) "wwep-configure-$([guid]::NewGuid().ToString('N'))"
New-Item -ItemType Directory -Path $work | Out-Null
$utf8 = New-Object System.Text.UTF8Encoding $false
try {
    if ($network) {
        $json = Join-Path $work 'network.json'
        [System.IO.File]::WriteAllText($json, (New-NetworkDeployment $false), $utf8)
        $op = Get-NfNetworkArguments $Port $json
        Invoke-NfNanoff $op.Flags $op.Verbs
        Remove-Item -LiteralPath $json -Force -ErrorAction SilentlyContinue
        $stored = if ($Ca.Count -gt 0) { " and the CA bundle ($($Ca.Count) file(s))" } elseif ($RemoveCa) { ' and an empty CA bundle' } else { ' (its CA bundle left as it was)' }
        Write-NfLine "stored Wi-Fi '$ssid'$stored on the board; the board joins that network at its next boot"
    }
    if ($filesDeployment) {
        $conf = Join-Path $work 'wwep.conf'
        $record = Join-Path $work 'wwep-ca.conf'
        $filesJson = Join-Path $work 'files.json'
        [System.IO.File]::WriteAllText($conf, (New-SettingsText), $utf8)
        [System.IO.File]::WriteAllText($record, (New-RecordText), $utf8)
        [System.IO.File]::WriteAllText($filesJson, (New-FilesJson $conf $record), $utf8)
        $storedWhat = $settingsDestination
        if ($caRecord) { $storedWhat = $(if ($settingsFile) { "$settingsDestination and " } else { '' }) + "$recordDestination (the record of the CA bundle just stored: until it is stored, the board cannot name that bundle)" }
        $op = Get-NfFileArguments $Port $filesJson
        # nanoff exits 0 even when the board refused the file (PlatformError): it only prints "Error deploying content
        # file <source> to <destination>" (nanoFirmwareFlasher FileDeploymentManager.cs, DeployAsync, v2.5.162 and
        # v3.0.0-preview.1), so its output is read; its "Error deleting file" is no failure (the old file may not exist).
        $arguments = if ($script:NfNanoff.Syntax -eq 'verbs') { $op.Verbs } else { $op.Flags }
        $command = @($script:NfNanoff.Command)
        $rest = @($command | Select-Object -Skip 1) + @($arguments)
        [Console]::Error.WriteLine("+ $(Format-NfCommand $command[0] $rest)")
        Push-Location $script:NfRoot
        try {
            $ErrorActionPreference = 'Continue'
            $deployed = (& $command[0] @rest 2>&1 | Out-String)
            $status = $LASTEXITCODE
            $ErrorActionPreference = 'Stop'
        } finally { Pop-Location }
        Write-Output $deployed.TrimEnd()
        if ($status -ne 0) { Stop-Nf $status "nanoff failed (exit $status) storing ${storedWhat}: is the board running the nanoFramework firmware (nf-build\flash.ps1), and is no other program (a serial monitor, the VS Code debugger) holding the port?" }
        if ($deployed -match '(Error|Exception) deploying content file') {
            Stop-Nf 1 "the board did not store $storedWhat (nanoff says so above, though it exited 0): run nf-build\configure.ps1 again; if it fails again, the board's internal storage I: may be full or missing (nf-build\flash.ps1 puts the reference firmware back)"
        }
        if ($settingsFile -and $ClearSettings) {
            Write-NfLine "deleted ${settingsDestination}: the board uses its compiled settings from its next boot"
        } elseif ($settingsFile) {
            Write-NfLine "stored $settingsDestination ($($settings.Count) settings); at its next boot the board lists each setting with its source in its log"
        }
        if ($caRecord) { Write-NfLine "stored ${recordDestination}: StoredCa=$caRecord" }
    }
    if ($network) { [Console]::Error.WriteLine((New-TrustText)) }
} finally {
    # Removed whatever happened, before anything can stop the script.
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
Complete-Nf
