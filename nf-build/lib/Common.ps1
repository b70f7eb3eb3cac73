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

# --- nanoff (as in lib/common.sh) ---------------------------------------------------------------------------------
# The nanoff the scripts run: -Nanoff <path> or $env:NF_NANOFF, else the version pinned in .config\dotnet-tools.json,
# run as "dotnet nanoff" after "dotnet tool restore". No script installs or updates a global tool. nanoff 3.0
# (nanoFirmwareFlasher #374) replaced the flat flags of 2.x by a verb and bare keywords; the version decides which.

$script:NfNanoffManifest = '.config\dotnet-tools.json'
$script:NfNanoffKnown = 'nanoff 2.x (flag syntax, pinned: 2.5.162) and 3.x or later (verb syntax)'
$script:NfNanoff = $null

# The nanoff version pinned in the tool manifest, or $null.
function Get-NfPinnedNanoffVersion {
    $manifest = Join-Path $script:NfRoot $script:NfNanoffManifest
    if (-not (Test-Path -LiteralPath $manifest -PathType Leaf)) { return $null }
    $tools = (Get-Content -Raw -LiteralPath $manifest | ConvertFrom-Json).tools
    if ($tools -and $tools.nanoff) { return [string]$tools.nanoff.version }
    return $null
}

# The first x.y.z in a text, such as "nanoff 2.5.162+1a2b3c".
function Get-NfVersionIn([string]$Text) {
    $found = [regex]::Match($Text, '[0-9]+\.[0-9]+\.[0-9]+')
    if ($found.Success) { return $found.Value }
    return $null
}

# Decides which nanoff runs and which syntax it speaks: sets $script:NfNanoff (Command: the words to run, Version,
# Syntax: flags or verbs, Pinned). Records what is missing; stops in one line on a version it does not know.
function Resolve-NfNanoff([string]$Chosen) {
    $how = "-Nanoff $Chosen"
    if (-not $Chosen -and $env:NF_NANOFF) { $Chosen = $env:NF_NANOFF; $how = "NF_NANOFF=$Chosen" }
    $pinned = Get-NfPinnedNanoffVersion
    $pinnedRun = $false
    if ($Chosen) {
        $exe = Find-NfExecutable @($Chosen)
        if (-not $exe) {
            Add-NfMissing "nanoff at ${how}: that is not a file (nor a command on PATH); fix it, or leave it out to use the pinned nanoff $pinned through dotnet"
            $command = @($Chosen)
            $version = $pinned
        } else {
            $command = @($exe)
            # 2>&1 turns stderr lines into error records, which 'Stop' would throw: the text is all that matters here.
            try { $text = (& $exe --version 2>&1 | Out-String) } catch { $text = '' }
            $version = Get-NfVersionIn $text
            if (-not $version) { Stop-Nf $script:NfExitMissing "nanoff at $how printed no version for --version: nf-build knows $($script:NfNanoffKnown); use one of those, or leave it out for the pinned one" }
        }
    } else {
        $dotnet = Find-NfExecutable @('dotnet')
        $restorable = $true
        if (-not $dotnet) { Add-NfMissing 'dotnet (the .NET SDK, which runs the pinned nanoff as a local tool): winget install Microsoft.DotNet.SDK.10, or https://dot.net/download'; $dotnet = 'dotnet'; $restorable = $false }
        if (-not $pinned) { Add-NfMissing "$($script:NfNanoffManifest) with a nanoff entry (the pinned nanoff version): this checkout is incomplete"; $pinned = '2.5.162'; $restorable = $false }
        $command = @($dotnet, 'nanoff')
        $version = $pinned
        $pinnedRun = $true
        if ($restorable) { Test-NfPinnedNanoffRestores $dotnet $version }
    }
    $major = 0
    [void][int]::TryParse(($version -split '\.')[0], [ref]$major)
    if ($major -eq 2) { $syntax = 'flags' }
    elseif ($major -ge 3) { $syntax = 'verbs' }
    else { Stop-Nf $script:NfExitMissing "nanoff $($command[0]) is version ${version}: nf-build knows $($script:NfNanoffKnown); use one of those, or leave out -Nanoff/NF_NANOFF for the pinned one" }
    $script:NfNanoff = [pscustomobject]@{ Command = $command; Version = $version; Syntax = $syntax; Pinned = $pinnedRun }
}

# Installs the pinned nanoff into the NuGet cache if it is not there yet (a no-op afterwards), in dry runs too: a pinned
# nanoff that cannot be restored is a missing prerequisite, and only the restore itself can tell. Writes nothing but
# the NuGet cache. Called by Resolve-NfNanoff.
function Test-NfPinnedNanoffRestores([string]$Dotnet, [string]$Version) {
    # Local to this function: dotnet's stderr lines must be text here, not errors that 'Stop' would throw.
    $ErrorActionPreference = 'Continue'
    if (-not $script:NfDryRun) { [Console]::Error.WriteLine("+ $(Format-NfCommand $Dotnet @('tool', 'restore'))") }
    Push-Location $script:NfRoot
    try {
        $output = (& $Dotnet tool restore 2>&1 | Out-String)
        $status = $LASTEXITCODE
    } finally { Pop-Location }
    if ($status -ne 0) {
        $reason = ($output -split "`r?`n" | Where-Object { $_.Trim() } | Select-Object -First 1)
        Add-NfMissing "nanoff $Version (pinned in $($script:NfNanoffManifest)): dotnet tool restore failed (exit ${status}: $reason); make a NuGet feed that serves nanoff reachable, or install a nanoff yourself and pass it with -Nanoff <path>"
    }
}

# The restore already ran (Test-NfPinnedNanoffRestores); a dry run still shows it among the commands a real run runs.
function Initialize-NfNanoff {
    if ($script:NfNanoff.Pinned -and $script:NfDryRun) {
        Push-Location $script:NfRoot
        try { Invoke-NfCommand $script:NfNanoff.Command[0] @('tool', 'restore') } finally { Pop-Location }
    }
}

# Runs nanoff with arguments given per syntax (from the repository root, where dotnet finds the tool manifest).
function Invoke-NfNanoff([string[]]$FlagArguments, [string[]]$VerbArguments) {
    $arguments = if ($script:NfNanoff.Syntax -eq 'verbs') { $VerbArguments } else { $FlagArguments }
    $command = @($script:NfNanoff.Command)
    $rest = @($command | Select-Object -Skip 1) + @($arguments)
    Push-Location $script:NfRoot
    try { Invoke-NfCommand $command[0] $rest } finally { Pop-Location }
}

# The arguments of each nanoff operation: flags for 2.x, verbs for 3.x and later (see lib/common.sh).
# Flash: at the firmware version given (nf-build\firmware-versions.txt), or the newest when it is empty (-Latest).
function Get-NfFlashArguments([string]$Port, [string]$Target, [string]$Version) {
    if ($Target) { $arguments = @{ Flags = @('--target', $Target, '--serialport', $Port, '--update'); Verbs = @('flash', 'target', $Target, 'serialport', $Port) } }
    else { $arguments = @{ Flags = @('--platform', 'esp32', '--serialport', $Port, '--update'); Verbs = @('flash', 'platform', 'esp32', 'serialport', $Port) } }
    if ($Version) {
        $arguments.Flags += @('--fwversion', $Version)
        $arguments.Verbs += @('fwversion', $Version)
    }
    return $arguments
}

# The board's details, among them its firmware's native assemblies.
function Get-NfDetailsArguments([string]$Port) {
    return @{ Flags = @('--nanodevice', '--devicedetails', '--serialport', $Port); Verbs = @('details', 'serialport', $Port) }
}

function Get-NfDeployArguments([string]$Port, [string]$Image) {
    return @{ Flags = @('--nanodevice', '--deploy', '--serialport', $Port, '--image', $Image); Verbs = @('deploy', 'serialport', $Port, 'image', $Image) }
}

function Get-NfNetworkArguments([string]$Port, [string]$Json) {
    return @{ Flags = @('--serialport', $Port, '--networkdeployment', $Json); Verbs = @('deploy', 'serialport', $Port, 'network', $Json) }
}

function Get-NfFileArguments([string]$Port, [string]$Json) {
    return @{ Flags = @('--serialport', $Port, '--filedeployment', $Json); Verbs = @('deploy', 'serialport', $Port, 'file', $Json) }
}

function Get-NfListPortsArguments {
    return @{ Flags = @('--listports'); Verbs = @('list', 'ports') }
}

# The port must be one Windows knows (COM3...): a missing prerequisite otherwise, in a dry run too (a dry run that
# passes means a real run can start).
function Test-NfPort([string]$Port) {
    try {
        $ports = [System.IO.Ports.SerialPort]::GetPortNames()
    } catch {
        return
    }
    if ($ports -notcontains $Port) {
        $known = if ($ports) { $ports -join ', ' } else { 'none' }
        Add-NfMissing "serial port $Port is not there (ports now: $known): plug the board in with a data USB cable; install the USB-serial driver (CP210x or CH340) if no COM port appears"
    }
}

# nf-build\firmware-versions.txt (as lib/common.sh): the firmware pinned for a target ('*' when none is named), as
# Version and Status; both 'unknown' when the table has no usable row for it.
function Get-NfPinnedFirmware([string]$Target) {
    $wanted = if ($Target) { $Target } else { '*' }
    $table = Join-Path $script:NfRoot 'nf-build\firmware-versions.txt'
    if (Test-Path -LiteralPath $table -PathType Leaf) {
        foreach ($line in Get-Content -LiteralPath $table) {
            if (-not $line.Trim() -or $line.StartsWith('#')) { continue }
            $name, $version, $status = ($line -replace '\s', '') -split '\|', 3
            if ($name -ceq $wanted -and $version) {
                if (-not $status) { $status = 'unconfirmed' }
                return [pscustomobject]@{ Version = $version; Status = $status }
            }
        }
    }
    return [pscustomobject]@{ Version = 'unknown'; Status = 'unknown' }
}

function Get-NfEsp32Targets {
    Get-Content (Join-Path $script:NfRoot 'nf-build\lib\esp32-targets.txt') |
        Where-Object { $_ -and -not $_.StartsWith('#') } |
        ForEach-Object {
            $name, $board = $_ -split '\|', 2
            [pscustomobject]@{ Name = $name; Board = $board }
        }
}
