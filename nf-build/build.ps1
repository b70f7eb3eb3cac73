<#
.SYNOPSIS
Restores the nanoFramework packages and builds WwepDevice.sln (Windows twin of nf-build/build).

.DESCRIPTION
  nuget restore WwepDevice.sln          (packages go to .\packages)
  MSBuild.exe WwepDevice.sln -p:NanoFrameworkProjectSystemPath=<dir>/ ...
Every piece is checked first, and a missing one is named with how to get it: MSBuild (Visual Studio 2022 or its
Build Tools), nuget.exe, and the nanoFramework project system (NFProjectSystem.Default.props, .props,
.CSharp.targets), taken from $env:NF_PROJECT_SYSTEM_PATH, else from Visual Studio's nanoFramework extension
(<VS>\MSBuild\nanoFramework\v1.0), else from the newest VS Code extension
(%USERPROFILE%\.vscode\extensions\nanoframework.vscode-nanoframework-*\dist\utils\nanoFramework\v1.0).
A wrong project system path otherwise ends in MSB4057 "The target Build does not exist" (nanoframework/Home#1537).
The image lands in WwepDevice\bin\<Configuration>\WwepDevice.bin.
Environment: NF_MSBUILD, NF_NUGET, NF_PROJECT_SYSTEM_PATH.

.PARAMETER Configuration
Debug (default, what the VS Code debugger expects) or Release.

.PARAMETER DryRun
Check the prerequisites and print the commands instead of running them.

.PARAMETER Help
Print this help and stop.

.EXAMPLE
nf-build\build.ps1 -DryRun
#>
[CmdletBinding()]
param(
    [string]$Configuration = 'Debug',
    [switch]$DryRun,
    [switch]$Help
)
$ErrorActionPreference = 'Stop'
$script:NfVerb = 'build'
. (Join-Path $PSScriptRoot 'lib\Common.ps1')
if ($Help) { Get-Help $PSCommandPath -Detailed; exit 0 }
$script:NfDryRun = [bool]$DryRun

if ($Configuration -cnotin @('Debug', 'Release')) { Stop-NfUsage "unknown configuration '$Configuration': use Debug or Release" }

$projectSystemFiles = @('NFProjectSystem.Default.props', 'NFProjectSystem.props', 'NFProjectSystem.CSharp.targets')
function Get-ProjectSystemGaps([string]$Dir) {
    @($projectSystemFiles | Where-Object { -not (Test-Path -LiteralPath (Join-Path $Dir $_) -PathType Leaf) })
}

$vswhere = Join-Path ${env:ProgramFiles(x86)} 'Microsoft Visual Studio\Installer\vswhere.exe'
$vsInstalls = @()
if (Test-Path -LiteralPath $vswhere) {
    $vsInstalls = @(& $vswhere -products * -all -prerelease -property installationPath)
}

# MSBuild: $env:NF_MSBUILD, else the newest Visual Studio / Build Tools that has it, else msbuild on PATH.
$msbuild = $null
if ($env:NF_MSBUILD) {
    $msbuild = Find-NfExecutable @($env:NF_MSBUILD)
    if (-not $msbuild) { Add-NfMissing "MSBuild at NF_MSBUILD=$($env:NF_MSBUILD): that is not a file; fix the path or unset NF_MSBUILD" }
} else {
    if (Test-Path -LiteralPath $vswhere) {
        $msbuild = & $vswhere -latest -products * -prerelease -requires Microsoft.Component.MSBuild -find 'MSBuild\**\Bin\MSBuild.exe' | Select-Object -First 1
    }
    if (-not $msbuild) { $msbuild = Find-NfExecutable @('msbuild') }
    if (-not $msbuild) {
        Add-NfMissing 'MSBuild: install Visual Studio 2022 or the Build Tools for Visual Studio 2022 with the ".NET desktop build tools" workload: https://visualstudio.microsoft.com/downloads/'
    }
}

if ($env:NF_NUGET) {
    $nuget = Find-NfExecutable @($env:NF_NUGET)
    if (-not $nuget) { Add-NfMissing "nuget at NF_NUGET=$($env:NF_NUGET): that is not a file; fix the path or unset NF_NUGET" }
} else {
    $nuget = Find-NfExecutable @('nuget', (Join-Path $env:LOCALAPPDATA 'NuGet\nuget.exe'))
    if (-not $nuget) {
        Add-NfMissing 'nuget.exe (the NuGet CLI): winget install Microsoft.NuGet, or download it from https://www.nuget.org/downloads into a folder on PATH'
    }
}

# The project system: explicit, else Visual Studio's nanoFramework extension, else the newest VS Code extension.
$projectSystem = $null
if ($env:NF_PROJECT_SYSTEM_PATH) {
    $dir = $env:NF_PROJECT_SYSTEM_PATH.TrimEnd('\', '/')
    $gaps = Get-ProjectSystemGaps $dir
    if ($gaps.Count -gt 0) {
        Add-NfMissing "nanoFramework project system: NF_PROJECT_SYSTEM_PATH=$($env:NF_PROJECT_SYSTEM_PATH) lacks $($gaps -join ' '); point it at the folder that holds $($projectSystemFiles -join ' '), or unset it"
    } else {
        $projectSystem = $dir
    }
} else {
    foreach ($install in $vsInstalls) {
        $dir = Join-Path $install 'MSBuild\nanoFramework\v1.0'
        if ((Get-ProjectSystemGaps $dir).Count -eq 0) { $projectSystem = $dir; break }
    }
    if (-not $projectSystem) {
        $extensions = @()
        foreach ($base in @('.vscode', '.vscode-insiders')) {
            $folder = Join-Path $env:USERPROFILE "$base\extensions"
            if (Test-Path -LiteralPath $folder) {
                $extensions += @(Get-ChildItem -LiteralPath $folder -Directory -Filter 'nanoframework.vscode-nanoframework-*')
            }
        }
        $newest = $extensions |
            Where-Object { (Get-ProjectSystemGaps (Join-Path $_.FullName 'dist\utils\nanoFramework\v1.0')).Count -eq 0 } |
            Sort-Object { [version](($_.Name -replace '^nanoframework\.vscode-nanoframework-', '') -replace '^(\d+(\.\d+){1,3}).*$', '$1') } |
            Select-Object -Last 1
        if ($newest) {
            $projectSystem = Join-Path $newest.FullName 'dist\utils\nanoFramework\v1.0'
        } elseif ($extensions.Count -gt 0) {
            Add-NfMissing "nanoFramework project system: the VS Code extension at $($extensions[0].FullName) has no complete dist\utils\nanoFramework\v1.0: reinstall it (code --install-extension nanoframework.vscode-nanoframework --force), or set NF_PROJECT_SYSTEM_PATH"
        } else {
            Add-NfMissing "nanoFramework project system ($($projectSystemFiles -join ' ')): install the VS Code extension (code --install-extension nanoframework.vscode-nanoframework) or Visual Studio's .NET nanoFramework extension, or set NF_PROJECT_SYSTEM_PATH to a folder that holds them"
        }
    }
}

Set-Location $script:NfRoot
if (-not (Test-Path -LiteralPath 'WwepDevice.sln')) { Add-NfMissing "WwepDevice.sln in $($script:NfRoot): this checkout is incomplete" }

# The files Resources.resx embeds (the certificates): a missing one otherwise surfaces as a resource-compiler error.
if (Test-Path -LiteralPath 'WwepDevice\Resources.resx') {
    $resx = [xml](Get-Content -Raw 'WwepDevice\Resources.resx')
    foreach ($data in @($resx.root.data | Where-Object { $_.type -like '*ResXFileRef*' })) {
        $file = Join-Path 'WwepDevice' (($data.value -split ';')[0] -replace '/', '\')
        if (-not (Test-Path -LiteralPath $file -PathType Leaf)) {
            Add-NfMissing "$file (embedded by WwepDevice\Resources.resx): make and embed the certificates with the certificate tool in certs\ (see the README)"
        }
    }
}

Stop-NfIfMissing

if (-not $msbuild) { $msbuild = 'MSBuild.exe' }
if (-not $nuget) { $nuget = 'nuget.exe' }
if (-not $projectSystem) { $projectSystem = '<nanoFramework project system>' }

# Forward slashes, as the VS Code extension passes it: a trailing backslash before a quote would escape the quote.
$projectSystemArg = ($projectSystem -replace '\\', '/').TrimEnd('/') + '/'
$buildArgs = @(
    'WwepDevice.sln',
    "-p:Configuration=$Configuration",
    '-p:Platform=Any CPU',
    "-p:NanoFrameworkProjectSystemPath=$projectSystemArg",
    # As the VS Code extension passes them (nf-VSCodeExtension src/dotnet.ts, mdpBuildProperties).
    '-p:NFMDP_PE_Verbose=false',
    '-p:NFMDP_PE_VerboseMinimize=false',
    '-p:UseSharedCompilation=false',
    '-verbosity:minimal'
)

if ($script:NfDryRun) {
    Write-Output "cd $(Format-NfArgument $script:NfRoot)"
}
if (-not $script:NfDryRun) { Write-NfLine "project system: $projectSystemArg" }

$restoreArgs = @('restore', 'WwepDevice.sln')
if ($msbuild -ne 'MSBuild.exe') { $restoreArgs += @('-MSBuildPath', (Split-Path -Parent $msbuild)) }
Invoke-NfCommand $nuget $restoreArgs
Invoke-NfCommand $msbuild $buildArgs

if (-not $script:NfDryRun) {
    $image = "WwepDevice\bin\$Configuration\WwepDevice.bin"
    if (-not (Test-Path -LiteralPath $image)) {
        Stop-Nf 1 "MSBuild succeeded but $image is missing: is the nanoFramework project system complete? see the MSBuild output above"
    }
    $next = if ($Configuration -eq 'Release') { ' -Configuration Release' } else { '' }
    Write-NfLine "built $image; next: nf-build\deploy.ps1 -Port <COMx>$next"
}
Complete-Nf
