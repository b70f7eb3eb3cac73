<#
.SYNOPSIS
Writes the nanoFramework firmware to an ESP32 board with nanoff (Windows twin of nf-build/flash).

.DESCRIPTION
The firmware is the version nf-build\firmware-versions.txt pins for the target (row * without -Target): the one whose
native assemblies match WwepDevice\packages.config, passed as --fwversion (2.x) or fwversion (3.x). A target the table
knows no version for stops with one line. -Latest flashes the newest instead; it risks a board that refuses the image
(CLR_E_ASSM_WRONG_CHECKSUM), which nf-build\deploy.ps1 then reports before it writes.
nanoff is the version pinned in .config\dotnet-tools.json, run as "dotnet nanoff" after "dotnet tool restore"
(nothing is installed or updated globally); -Nanoff <path> or $env:NF_NANOFF runs another one, whose --version
decides the syntax:
  nanoff 2.x: nanoff --platform esp32 --serialport <COMx> --update --fwversion <V>     (no -Target: nanoff picks the image)
              nanoff --target <T> --serialport <COMx> --update --fwversion <V>
  nanoff 3.x: nanoff flash platform esp32 serialport <COMx> fwversion <V>
              nanoff flash target <T> serialport <COMx> fwversion <V>
-ListPorts lists the serial ports (2.x: nanoff --listports; 3.x: nanoff list ports).
The accepted targets, with the boards they suit, are in nf-build\lib\esp32-targets.txt (-ListTargets prints them).

.PARAMETER Port
The board's serial port, such as COM3 (Device Manager > Ports, or: nf-build\flash.ps1 -ListPorts).

.PARAMETER Target
A firmware image name such as ESP32_REV0, ESP32_PSRAM_REV3, ESP32_C3, ESP32_S3_OCTAL.

.PARAMETER ListTargets
Print the accepted target names with the boards they suit, and stop.

.PARAMETER ListPorts
List the serial ports with nanoff, and stop.

.PARAMETER Latest
Flash the newest firmware instead of the pinned one (no --fwversion).

.PARAMETER Nanoff
Run this nanoff (a path, or a command on PATH) instead of the pinned one.

.PARAMETER DryRun
Print the commands instead of running them.

.PARAMETER Help
Print this help and stop.

.EXAMPLE
nf-build\flash.ps1 -Port COM3 -Target ESP32_REV3
#>
[CmdletBinding()]
param(
    [string]$Port,
    [string]$Target,
    [switch]$ListTargets,
    [switch]$ListPorts,
    [switch]$Latest,
    [string]$Nanoff,
    [switch]$DryRun,
    [switch]$Help
)
$ErrorActionPreference = 'Stop'
$script:NfVerb = 'flash'
. (Join-Path $PSScriptRoot 'lib\Common.ps1')
if ($Help) { Get-Help $PSCommandPath -Detailed; Get-NfEsp32Targets | Format-Table -AutoSize -Wrap; exit 0 }
$script:NfDryRun = [bool]$DryRun

$targets = @(Get-NfEsp32Targets)
if ($ListTargets) { $targets | ForEach-Object { $_.Name }; exit 0 }

if ($ListPorts) {
    Resolve-NfNanoff $Nanoff
    Stop-NfIfMissing
    Initialize-NfNanoff
    $list = Get-NfListPortsArguments
    Invoke-NfNanoff $list.Flags $list.Verbs
    Complete-Nf
}

if (-not $Port) { Stop-NfUsage '-Port <COMx> is required (for example -Port COM3; nf-build\flash.ps1 -ListPorts lists the ports)' }
if ($Target -and ($targets.Name -cnotcontains $Target)) {
    if ($targets.Name -ccontains $Target.ToUpperInvariant()) {
        Stop-NfUsage "unknown target '$Target': target names are upper case, did you mean $($Target.ToUpperInvariant())?"
    }
    Stop-NfUsage "unknown target '$Target': use one of $($targets.Name -join ' ') (or leave -Target out and nanoff picks one)"
}

Resolve-NfNanoff $Nanoff
Test-NfPort $Port

$version = $null
$table = 'nf-build\firmware-versions.txt'
if ($Latest) {
    Write-NfLine "-Latest: flashing the newest firmware, not the one $table pins for packages.config; if its native checksums differ from the image's, the board refuses the application (CLR_E_ASSM_WRONG_CHECKSUM) and nf-build\deploy.ps1 says so before it writes"
} else {
    $pinned = Get-NfPinnedFirmware $Target
    $named = if ($Target) { $Target } else { 'the target nanoff picks (no -Target)' }
    if ($pinned.Version -eq 'unknown') {
        Add-NfMissing "a firmware version for $named that matches WwepDevice\packages.config: $table has none yet (its header says what is known and how to find one); name the target with -Target, or flash the newest with -Latest and let nf-build\deploy.ps1 check it"
        Stop-NfIfMissing -EvenInDryRun
    }
    $version = $pinned.Version
    if ($pinned.Status -ne 'confirmed') {
        Write-NfLine "firmware $version for $named is pinned in $table but $($pinned.Status) against this image; nf-build\deploy.ps1 compares the native checksums before it writes the application"
    }
}

Stop-NfIfMissing

Initialize-NfNanoff
$flash = Get-NfFlashArguments $Port $Target $version
Invoke-NfNanoff $flash.Flags $flash.Verbs

if (-not $script:NfDryRun) {
    Write-NfLine "firmware written; next: nf-build\configure.ps1 -Port $Port -Server <host> (settings, Wi-Fi and certificates), then nf-build\deploy.ps1 -Port $Port"
}
Complete-Nf
