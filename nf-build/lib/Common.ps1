# Shared by nf-build\build.ps1, flash.ps1, configure.ps1 and deploy.ps1 (dot-sourced), the Windows twins of the
# bash verbs. Works in Windows PowerShell 5.1 and PowerShell 7.
# Exit codes, as in the bash verbs: 0 done; 2 a prerequisite is missing (each named on its own line, nothing run);
# 64 bad arguments; anything else is the exit code of the tool that failed.

$script:NfExitMissing = 2
$script:NfExitUsage = 64
# This file is in nf-build\lib: the repository root is two folders up.
$script:NfRoot = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
$script:NfMissing = New-Object System.Collections.Generic.List[string]
$script:NfDryRun = $false

function Write-NfLine([string]$Text) {
    [Console]::Error.WriteLine("nf-build\${script:NfVerb}: $Text")
}

function Stop-Nf([int]$Code, [string]$Text) {
    Write-NfLine $Text
    exit $Code
}

function Stop-NfUsage([string]$Text) {
    Stop-Nf $script:NfExitUsage "$Text; see Get-Help nf-build\${script:NfVerb}.ps1 (or run it with -Help)"
}

function Add-NfMissing([string]$Text) {
    $script:NfMissing.Add($Text)
}

# A real run stops here when anything is missing; a dry run goes on to print its commands and exits 2 at the end.
function Stop-NfIfMissing([switch]$EvenInDryRun) {
    if ($script:NfMissing.Count -eq 0) { return }
    foreach ($line in $script:NfMissing) { Write-NfLine "missing: $line" }
    if (-not $script:NfDryRun -or $EvenInDryRun) { exit $script:NfExitMissing }
}

function Complete-Nf {
    if ($script:NfDryRun -and $script:NfMissing.Count -gt 0) {
        Write-NfLine 'dry run: nothing ran; install the missing pieces named above before a real run'
        exit $script:NfExitMissing
    }
    exit 0
}

function Format-NfArgument([string]$Value) {
    if ($Value -match '^[A-Za-z0-9_./:=@%+,\\-]+$') { return $Value }
    return '"' + ($Value -replace '"', '\"') + '"'
}

function Format-NfCommand([string]$Exe, [string[]]$Arguments) {
    $parts = @(Format-NfArgument $Exe) + @($Arguments | ForEach-Object { Format-NfArgument $_ })
    return ($parts -join ' ')
}

# Runs a native command, or in a dry run prints it (stdout, one line). Stops with the tool's exit code on failure.
function Invoke-NfCommand([string]$Exe, [string[]]$Arguments) {
    $line = Format-NfCommand $Exe $Arguments
    if ($script:NfDryRun) {
        Write-Output $line
        return
    }
    [Console]::Error.WriteLine("+ $line")
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) {
        Stop-Nf $LASTEXITCODE "$(Split-Path -Leaf $Exe) failed (exit $LASTEXITCODE): see its output above"
    }
}

function Find-NfExecutable([string[]]$Candidates) {
    foreach ($candidate in $Candidates) {
        if ([string]::IsNullOrEmpty($candidate)) { continue }
        if ($candidate.Contains('\') -or $candidate.Contains('/')) {
            if (Test-Path -LiteralPath $candidate -PathType Leaf) { return (Resolve-Path -LiteralPath $candidate).Path }
        } else {
            $command = Get-Command $candidate -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
            if ($command) { return $command.Source }
        }
    }
    return $null
}

function Get-NfDotnetToolsDir {
    $base = if ($env:DOTNET_CLI_HOME) { $env:DOTNET_CLI_HOME } else { $env:USERPROFILE }
    return (Join-Path $base '.dotnet\tools')
}

function Find-NfNanoff {
    if ($env:NF_NANOFF) { return (Find-NfExecutable @($env:NF_NANOFF)) }
    return (Find-NfExecutable @('nanoff', (Join-Path (Get-NfDotnetToolsDir) 'nanoff.exe')))
}

$script:NfNanoffMissingHint = 'nanoff (the nanoFramework flasher): run nf-build\flash.ps1, which installs it, or: dotnet tool install -g nanoff'

# The port must be one Windows knows (COM3...). Skipped in a dry run, which should work without a board.
function Test-NfPort([string]$Port) {
    try {
        $ports = [System.IO.Ports.SerialPort]::GetPortNames()
    } catch {
        return
    }
    if ($ports -notcontains $Port) {
        $known = if ($ports) { $ports -join ', ' } else { 'none' }
        Stop-Nf $script:NfExitMissing "serial port $Port is not there (ports now: $known): plug the board in with a data USB cable; install the USB-serial driver (CP210x or CH340) if no COM port appears"
    }
}

function Get-NfEsp32Targets {
    Get-Content (Join-Path $script:NfRoot 'nf-build\lib\esp32-targets.txt') |
        Where-Object { $_ -and -not $_.StartsWith('#') } |
        ForEach-Object {
            $name, $board = $_ -split '\|', 2
            [pscustomobject]@{ Name = $name; Board = $board }
        }
}
