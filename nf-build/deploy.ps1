<#
.SYNOPSIS
Deploys the built application image to a board that runs the nanoFramework firmware (Windows twin of
nf-build/deploy).

.DESCRIPTION
First it reads the board's native assemblies and refuses, in one line, a firmware whose native checksums differ from
the ones the image's .pe headers need (the check is nf-build\DeployCheck, built and run with dotnet):
  nanoff 2.x: nanoff --nanodevice --devicedetails --serialport <COMx>
              nanoff --nanodevice --deploy --serialport <COMx> --image WwepDevice\bin\<Configuration>\WwepDevice.bin
  nanoff 3.x: nanoff details serialport <COMx>
              nanoff deploy serialport <COMx> image WwepDevice\bin\<Configuration>\WwepDevice.bin
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
Check the prerequisites and print the commands (the board's details, the firmware check, the deploy) instead of
running them.

.PARAMETER Help
Print this help and stop.

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
Test-NfPort $Port

# The firmware check runs on dotnet, also when -Nanoff names a nanoff of its own (the pinned one reports dotnet itself).
$dotnet = Find-NfExecutable @('dotnet')
if (-not $dotnet) {
    if (-not $script:NfNanoff.Pinned) { Add-NfMissing 'dotnet (the .NET SDK, which runs nf-build\DeployCheck, the check of the board''s firmware against the image): winget install Microsoft.DotNet.SDK.10, or https://dot.net/download' }
    $dotnet = 'dotnet'
}
Stop-NfIfMissing

$checkProject = 'nf-build\DeployCheck\DeployCheck.csproj'
$checkDll = 'nf-build\DeployCheck\bin\Release\net10.0\DeployCheck.dll'
# {target} becomes the target the board reports, so the fix names the firmware to flash.
$flashCommand = "nf-build\flash.ps1 -Port $Port -Target {target}"
$buildArguments = @('build', $checkProject, '-c', 'Release', '-nologo', '-v', 'q')
$details = Get-NfDetailsArguments $Port
$deploy = Get-NfDeployArguments $Port $Image

Initialize-NfNanoff
if ($script:NfDryRun) {
    Write-Output "# the board's details (its firmware's native assemblies), kept in a temporary file <device-details.txt> for the check:"
    Invoke-NfNanoff $details.Flags $details.Verbs
    Invoke-NfCommand $dotnet $buildArguments
    Invoke-NfCommand $dotnet @($checkDll, '--image', $Image, '--device-details', '<device-details.txt>', '--flash-command', $flashCommand)
    Invoke-NfNanoff $deploy.Flags $deploy.Verbs
    Complete-Nf
}

$detailsFile = Join-Path ([System.IO.Path]::GetTempPath()) ("wwep-deploy-" + [guid]::NewGuid().ToString('N') + ".txt")
try {
    $arguments = if ($script:NfNanoff.Syntax -eq 'verbs') { $details.Verbs } else { $details.Flags }
    $command = @($script:NfNanoff.Command)
    $rest = @($command | Select-Object -Skip 1) + @($arguments)
    [Console]::Error.WriteLine("+ $(Format-NfCommand $command[0] $rest)")
    Push-Location $script:NfRoot
    try {
        # Local: nanoff's and dotnet's stderr lines are text to keep, not errors that 'Stop' would throw.
        $ErrorActionPreference = 'Continue'
        & $command[0] @rest *> $detailsFile
        $status = $LASTEXITCODE
        if ($status -ne 0) {
            Get-Content -LiteralPath $detailsFile | ForEach-Object { [Console]::Error.WriteLine($_) }
            Stop-Nf $status "nanoff could not read the board's details (exit $status): is the board running the nanoFramework firmware (nf-build\flash.ps1), and is no other program (a serial monitor, the VS Code debugger) holding the port?"
        }

        $built = (& $dotnet @buildArguments 2>&1 | Out-String)
        if ($LASTEXITCODE -ne 0) {
            [Console]::Error.WriteLine($built)
            Stop-Nf $LASTEXITCODE "dotnet could not build $checkProject (the firmware check): see its messages above"
        }

        $verdict = (& $dotnet $checkDll --image $Image --device-details $detailsFile --flash-command $flashCommand | Out-String).Trim()
        $status = $LASTEXITCODE
        $ErrorActionPreference = 'Stop'
    } finally { Pop-Location }
    if ($status -ne 0) { Stop-Nf $status "not deployed: $verdict" }
    Write-NfLine $verdict
} finally {
    Remove-Item -LiteralPath $detailsFile -ErrorAction SilentlyContinue
}

Invoke-NfNanoff $deploy.Flags $deploy.Verbs
if (-not $script:NfDryRun) { Write-NfLine "deployed $Image; the board restarts the application (debug it from VS Code: Run > Start Debugging)" }
Complete-Nf
