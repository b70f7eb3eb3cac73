<#
.SYNOPSIS
Stores the Wi-Fi credentials and the certificates on the board through nanoff's network deployment file
(Windows twin of nf-build/configure).

.DESCRIPTION
  nanoff --serialport <COMx> --networkdeployment <temporary JSON file, removed afterwards>
The Wi-Fi name and password come from $env:WWEP_WIFI_SSID / $env:WWEP_WIFI_PASSWORD or are asked for; they are
never written into the repository. The CA certificate (default certs\ca.crt.pem) becomes the board's CA root
bundle; -Device (or -DeviceCert/-DeviceKey) adds the device certificate with its private key.
The JSON follows nanoff's schema: nanoframework/nanoFirmwareFlasher,
nanoFirmwareFlasher.Library/NetworkDeployment/NetworkDeploymentConfiguration.cs and WirelessConfiguration.cs
(see nf-build/configure for the details, including why a NUL byte is appended to PEM certificates).

.PARAMETER Port
The board's serial port, such as COM3.

.PARAMETER DryRun
Print the JSON (password and key hidden) and the command instead of running it.

.EXAMPLE
$env:WWEP_WIFI_SSID = 'lab'; nf-build\configure.ps1 -Port COM3
#>
[CmdletBinding()]
param(
    [string]$Port,
    [string]$Ca = 'certs\ca.crt.pem',
    [switch]$Device,
    [string]$DeviceCert,
    [string]$DeviceKey,
    [switch]$DryRun,
    [switch]$Help
)
$ErrorActionPreference = 'Stop'
$script:NfVerb = 'configure'
. (Join-Path $PSScriptRoot 'lib\Common.ps1')
if ($Help) { Get-Help $PSCommandPath -Detailed; exit 0 }
$script:NfDryRun = [bool]$DryRun

if (-not $Port) { Stop-NfUsage '-Port <COMx> is required (for example -Port COM3; nanoff --listports lists the ports)' }
if ($Device) { $DeviceCert = 'certs\device.crt.pem'; $DeviceKey = 'certs\device.key.pem' }
if ($DeviceKey -and -not $DeviceCert) { Stop-NfUsage '-DeviceKey needs -DeviceCert (the certificate that goes with the key)' }

# Relative paths are taken from the current folder; the certs\ defaults from the repository root.
function Resolve-InputPath([string]$Path) {
    if ([System.IO.Path]::IsPathRooted($Path)) { return $Path }
    $here = Join-Path (Get-Location) $Path
    if ($Path.StartsWith('certs\') -and -not (Test-Path -LiteralPath $here)) { return (Join-Path $script:NfRoot $Path) }
    return [System.IO.Path]::GetFullPath($here)
}

$Ca = Resolve-InputPath $Ca
if (-not (Test-Path -LiteralPath $Ca -PathType Leaf)) {
    Add-NfMissing "$Ca (the CA certificate): make the test PKI with the certificate tool in certs\ (see the README), or pass -Ca <file>"
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

$nanoff = Find-NfNanoff
if (-not $nanoff) { Add-NfMissing $script:NfNanoffMissingHint; $nanoff = 'nanoff' }
# Nothing useful can be shown without the certificates, so a missing one stops even a dry run.
if ($certificateMissing) { Stop-NfIfMissing -EvenInDryRun }
Stop-NfIfMissing

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

# base64 of the files one after the other, plus the NUL byte mbedTLS needs after PEM text (nanoff's own
# CheckNullPemTermination resizes only its local copy, so the byte must be in the data it is given).
function Get-CertificateBase64([string[]]$Files) {
    $bytes = New-Object System.Collections.Generic.List[byte]
    foreach ($file in $Files) { $bytes.AddRange([System.IO.File]::ReadAllBytes($file)) }
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
    $document.CACertificates = Get-CertificateBase64 @($Ca)
    return ($document | ConvertTo-Json -Depth 4)
}

if ($script:NfDryRun) {
    Write-Output '# <network.json>, written to a temporary file (only this user can read it) and removed afterwards:'
    Write-Output (New-NetworkDeployment $true)
    Invoke-NfCommand $nanoff @('--serialport', $Port, '--networkdeployment', '<network.json>')
    Complete-Nf
}

Test-NfPort $Port
# %TEMP% is in the user's profile, which only that user (and administrators) can read.
$json = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "wwep-network-$([guid]::NewGuid().ToString('N')).json")
$deployArgs = @('--serialport', $Port, '--networkdeployment', $json)
try {
    [System.IO.File]::WriteAllText($json, (New-NetworkDeployment $false), (New-Object System.Text.UTF8Encoding $false))
    [Console]::Error.WriteLine("+ $(Format-NfCommand $nanoff $deployArgs)")
    & $nanoff @deployArgs
    $status = $LASTEXITCODE
} finally {
    # Removed whatever happened, before anything can stop the script.
    Remove-Item -LiteralPath $json -Force -ErrorAction SilentlyContinue
}
if ($status -ne 0) { Stop-Nf $status "nanoff failed (exit $status): see its output above; is the board running the nanoFramework firmware (nf-build\flash.ps1)?" }
Write-NfLine "stored Wi-Fi '$ssid' and the certificates on the board; the board joins that network at its next boot"
Complete-Nf
