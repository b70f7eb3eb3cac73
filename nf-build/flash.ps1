<#
.SYNOPSIS
Writes the nanoFramework firmware to an ESP32 board with nanoff (Windows twin of nf-build/flash).

.DESCRIPTION
nanoff is the version pinned in .config\dotnet-tools.json, run as "dotnet nanoff" after "dotnet tool restore"
(nothing is installed or updated globally); -Nanoff <path> or $env:NF_NANOFF runs another one, whose --version
decides the syntax:
  nanoff 2.x: nanoff --platform esp32 --serialport <COMx> --update     (no -Target: nanoff picks the image)
              nanoff --target <T> --serialport <COMx> --update
  nanoff 3.x: nanoff flash platform esp32 serialport <COMx>
              nanoff flash target <T> serialport <COMx>
-ListPorts lists the serial ports (2.x: nanoff --listports; 3.x: nanoff list ports).
The accepted targets, with the boards they suit, are in nf-build\lib\esp32-targets.txt (-ListTargets prints them).

.PARAMETER Port
The board's serial port, such as COM3 (Device Manager > Ports, or: nf-build\flash.ps1 -ListPorts).

.PARAMETER Target
A firmware image name such as ESP32_REV0, ESP32_PSRAM_REV3, ESP32_C3, ESP32_S3_OCTAL.

.PARAMETER ListPorts
List the serial ports with nanoff, and stop.

.PARAMETER Nanoff
Run this nanoff (a path, or a command on PATH) instead of the pinned one.

.PARAMETER DryRun
Print the commands instead of running them.

.EXAMPLE
nf-build\flash.ps1 -Port COM3 -Target ESP32_REV3
#>
[CmdletBinding()]
param(
    [string]$Port,
    [string]$Target,
    [switch]$ListTargets,
    [switch]$ListPorts,
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
Stop-NfIfMissing

if (-not $script:NfDryRun) { Test-NfPort $Port }

Initialize-NfNanoff
$flash = Get-NfFlashArguments $Port $Target
Invoke-NfNanoff $flash.Flags $flash.Verbs

if (-not $script:NfDryRun) {
    Write-NfLine "firmware written; next: nf-build\configure.ps1 -Port $Port -Server <host> (settings, Wi-Fi and certificates), then nf-build\deploy.ps1 -Port $Port"
}
Complete-Nf
