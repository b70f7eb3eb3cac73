<#
.SYNOPSIS
Writes the nanoFramework firmware to an ESP32 board with nanoff, installing or updating nanoff first
(Windows twin of nf-build/flash).

.DESCRIPTION
  dotnet tool install -g nanoff   (or: dotnet tool update -g nanoff)
  nanoff --platform esp32 --serialport <COMx> --update     (no -Target: nanoff picks the image)
  nanoff --target <T> --serialport <COMx> --update
The accepted targets, with the boards they suit, are in nf-build\lib\esp32-targets.txt (-ListTargets prints them).
Environment: NF_NANOFF=<path> uses that nanoff and skips the install/update step.

.PARAMETER Port
The board's serial port, such as COM3 (Device Manager > Ports, or: nanoff --listports).

.PARAMETER Target
A firmware image name such as ESP32_REV0, ESP32_PSRAM_REV3, ESP32_C3, ESP32_S3_OCTAL.

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

if (-not $Port) { Stop-NfUsage '-Port <COMx> is required (for example -Port COM3; nanoff --listports lists the ports)' }
if ($Target -and ($targets.Name -cnotcontains $Target)) {
    if ($targets.Name -ccontains $Target.ToUpperInvariant()) {
        Stop-NfUsage "unknown target '$Target': target names are upper case, did you mean $($Target.ToUpperInvariant())?"
    }
    Stop-NfUsage "unknown target '$Target': use one of $($targets.Name -join ' ') (or leave -Target out and nanoff picks one)"
}

$dotnet = $null
$nanoff = Find-NfNanoff
if (-not $env:NF_NANOFF) {
    $dotnet = Find-NfExecutable @('dotnet')
    if (-not $dotnet) { Add-NfMissing 'dotnet (the .NET SDK, which installs nanoff): winget install Microsoft.DotNet.SDK.10, or https://dot.net/download'; $dotnet = 'dotnet' }
} elseif (-not $nanoff) {
    Add-NfMissing "nanoff at NF_NANOFF=$($env:NF_NANOFF): that is not a file; fix the path or unset NF_NANOFF"
    $nanoff = $env:NF_NANOFF
}
Stop-NfIfMissing

if (-not $script:NfDryRun) { Test-NfPort $Port }

if (-not $env:NF_NANOFF) {
    if ($nanoff) {
        # Old nanoff builds miss newer chips and firmware names; updating is cheap.
        Invoke-NfCommand $dotnet @('tool', 'update', '-g', 'nanoff')
    } else {
        Invoke-NfCommand $dotnet @('tool', 'install', '-g', 'nanoff')
        $nanoff = Join-Path (Get-NfDotnetToolsDir) 'nanoff.exe'
    }
    if (-not $script:NfDryRun) {
        $nanoff = Find-NfNanoff
        if (-not $nanoff) { Stop-Nf $script:NfExitMissing "nanoff was installed but is not in $(Get-NfDotnetToolsDir): check the dotnet output above" }
    }
}

if ($Target) {
    Invoke-NfCommand $nanoff @('--target', $Target, '--serialport', $Port, '--update')
} else {
    Invoke-NfCommand $nanoff @('--platform', 'esp32', '--serialport', $Port, '--update')
}

if (-not $script:NfDryRun) {
    Write-NfLine "firmware written; next: nf-build\configure.ps1 -Port $Port (Wi-Fi and certificates), then nf-build\build.ps1 and nf-build\deploy.ps1 -Port $Port"
}
Complete-Nf
