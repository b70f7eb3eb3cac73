<#
.SYNOPSIS
Deploys the built application image to a board that runs the nanoFramework firmware (Windows twin of
nf-build/deploy).

.DESCRIPTION
  nanoff 2.x: nanoff --nanodevice --deploy --serialport <COMx> --image WwepDevice\bin\<Configuration>\WwepDevice.bin
  nanoff 3.x: nanoff deploy serialport <COMx> image WwepDevice\bin\<Configuration>\WwepDevice.bin
The image holds the application and every assembly it references. nanoff is the version pinned in
.config\dotnet-tools.json ("dotnet nanoff" after "dotnet tool restore"); -Nanoff <path> or $env:NF_NANOFF runs another.

.PARAMETER Port
The board's serial port, such as COM3.

.PARAMETER Configuration
Debug (default, what the VS Code debugger expects) or Release.

.PARAMETER Image
Deploy this .bin instead of the one nf-build\build.ps1 made.

.PARAMETER Nanoff
Run this nanoff (a path, or a command on PATH); its --version decides the syntax.

.PARAMETER DryRun
Print the command instead of running it.

.EXAMPLE
nf-build\deploy.ps1 -Port COM3
#>
[CmdletBinding()]
param(
    [string]$Port,
    [string]$Configuration = 'Debug',
    [string]$Image,
    [string]$Nanoff,
    [switch]$DryRun,
    [switch]$Help
)
$ErrorActionPreference = 'Stop'
$script:NfVerb = 'deploy'
. (Join-Path $PSScriptRoot 'lib\Common.ps1')
if ($Help) { Get-Help $PSCommandPath -Detailed; exit 0 }
$script:NfDryRun = [bool]$DryRun

if (-not $Port) { Stop-NfUsage '-Port <COMx> is required (for example -Port COM3; nf-build\flash.ps1 -ListPorts lists the ports)' }
if ($Configuration -cnotin @('Debug', 'Release')) { Stop-NfUsage "unknown configuration '$Configuration': use Debug or Release" }

if ($Image) {
    $Image = [System.IO.Path]::GetFullPath((Join-Path (Get-Location) $Image))
    if (-not (Test-Path -LiteralPath $Image -PathType Leaf)) {
        Add-NfMissing "$Image (the -Image file): check the path, or leave -Image out to deploy what nf-build\build.ps1 made"
    }
} else {
    $Image = Join-Path $script:NfRoot "WwepDevice\bin\$Configuration\WwepDevice.bin"
    if (-not (Test-Path -LiteralPath $Image -PathType Leaf)) {
        $other = if ($Configuration -eq 'Release') { 'Debug' } else { 'Release' }
        if (Test-Path -LiteralPath (Join-Path $script:NfRoot "WwepDevice\bin\$other\WwepDevice.bin")) {
            Add-NfMissing "WwepDevice\bin\$Configuration\WwepDevice.bin (the application image): run nf-build\build.ps1 -Configuration $Configuration first, or deploy the $other build with -Configuration $other"
        } else {
            Add-NfMissing "WwepDevice\bin\$Configuration\WwepDevice.bin (the application image): run nf-build\build.ps1 first"
        }
    }
}

Resolve-NfNanoff $Nanoff
Stop-NfIfMissing

if (-not $script:NfDryRun) { Test-NfPort $Port }
Initialize-NfNanoff
$deploy = Get-NfDeployArguments $Port $Image
Invoke-NfNanoff $deploy.Flags $deploy.Verbs
if (-not $script:NfDryRun) { Write-NfLine "deployed $Image; the board restarts the application (debug it from VS Code: Run > Start Debugging)" }
Complete-Nf
