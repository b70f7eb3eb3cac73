# Shared by nf-build/build, flash, configure, deploy and demo (sourced, not run).
# shellcheck shell=bash disable=SC2034  # the variables set here are read by the verbs that source this file
# Written for bash 3.2, the bash macOS ships: no associative arrays, no ${var^^}, no mapfile, and an empty
# array is never expanded bare under `set -u` (bash before 4.4 calls that an unbound variable).
#
# Exit codes of every verb: 0 done; 2 a prerequisite is missing (each one named on its own line, nothing run);
# 64 bad arguments; anything else is the exit code of the tool that failed.

NF_EXIT_MISSING=2
NF_EXIT_USAGE=64

# The repository root, whatever the caller's working directory.
NF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

NF_DRY_RUN=0
NF_MISSING=()

# One line on stderr, prefixed with the verb, e.g. "nf-build/flash: ...".
nf_say() {
    echo "nf-build/$NF_VERB: $*" >&2
}

nf_fail() {
    local code="$1"
    shift
    nf_say "$*"
    exit "$code"
}

nf_usage_error() {
    nf_say "$*; see nf-build/$NF_VERB --help"
    exit "$NF_EXIT_USAGE"
}

# Records a missing prerequisite; nf_stop_if_missing reports them all at once, so one run names every gap.
nf_missing() {
    NF_MISSING[${#NF_MISSING[@]}]="$*"
}

# A real run stops here when anything is missing. A dry run goes on to print its commands (with the tool names as
# they would be once installed) and nf_finish then exits non-zero, so a dry run also answers "am I ready?".
nf_stop_if_missing() {
    nf_report_missing dry-run-goes-on
}

# The same, but a dry run stops too: for inputs without which there is nothing to show.
nf_stop_now_if_missing() {
    nf_report_missing always-stop
}

nf_report_missing() {
    if [ "${#NF_MISSING[@]}" -eq 0 ]; then
        return 0
    fi

    local line
    for line in "${NF_MISSING[@]}"; do
        nf_say "missing: $line"
    done

    if [ "$NF_DRY_RUN" = 0 ] || [ "$1" = always-stop ]; then
        exit "$NF_EXIT_MISSING"
    fi
}

# The last call of every verb.
nf_finish() {
    if [ "$NF_DRY_RUN" = 1 ] && [ "${#NF_MISSING[@]}" -gt 0 ]; then
        nf_say "dry run: nothing ran; install the missing pieces named above before a real run"
        exit "$NF_EXIT_MISSING"
    fi

    exit 0
}

# Prints one argument so that a shell reads it back unchanged: bare when that is safe, else in single quotes.
nf_quote() {
    case "$1" in
        '' | *[!A-Za-z0-9_./:=@%+,-]*)
            printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
            ;;
        *)
            printf '%s' "$1"
            ;;
    esac
}

nf_format_command() {
    local first=1 arg
    for arg in "$@"; do
        if [ "$first" = 1 ]; then
            first=0
        else
            printf ' '
        fi
        nf_quote "$arg"
    done
    printf '\n'
}

# Runs a command, or in a dry run only prints it (stdout, one line, ready to paste).
# A real run echoes it to stderr first, as `set -x` would, so the log shows what ran.
nf_run() {
    if [ "$NF_DRY_RUN" = 1 ]; then
        nf_format_command "$@"
        return 0
    fi

    printf '+ ' >&2
    nf_format_command "$@" >&2
    "$@"
}

# The first executable among the arguments (names are looked up on PATH, paths are taken as they are).
nf_first_executable() {
    local candidate found
    for candidate in "$@"; do
        case "$candidate" in
            */*)
                if [ -f "$candidate" ] && [ -x "$candidate" ]; then
                    echo "$candidate"
                    return 0
                fi
                ;;
            *)
                found="$(command -v "$candidate" 2>/dev/null || true)"
                if [ -n "$found" ]; then
                    echo "$found"
                    return 0
                fi
                ;;
        esac
    done

    return 1
}

# --- nanoff ------------------------------------------------------------------------------------------------------
# The nanoff the scripts run: the one chosen with --nanoff <path> (NF_NANOFF_OPTION, set by the verb) or NF_NANOFF,
# else the version pinned in .config/dotnet-tools.json, run as `dotnet nanoff` after `dotnet tool restore`, as the
# .NET SDK runs local tools. No script installs or updates a global tool: an update to a nanoff with another command
# line would break every later run.
# nanoff changed its command line in 3.0 (nanoframework/nanoFirmwareFlasher #374, "Refactor options to use verbs",
# August 2026): 2.x takes flat flags (--serialport P --update), 3.x and later a verb and bare keywords
# (flash serialport P). The version decides which: the pinned one from the manifest, a chosen one from its --version.

NF_NANOFF_MANIFEST=".config/dotnet-tools.json"
NF_NANOFF_KNOWN="nanoff 2.x (flag syntax, pinned: 2.5.162) and 3.x or later (verb syntax)"

# The nanoff version pinned in the tool manifest (empty when the manifest or its nanoff entry is missing).
nf_pinned_nanoff_version() {
    if [ -f "$NF_ROOT/$NF_NANOFF_MANIFEST" ]; then
        sed -n '/"nanoff"/,/}/s/.*"version" *: *"\([^"]*\)".*/\1/p' "$NF_ROOT/$NF_NANOFF_MANIFEST" | head -n 1
    fi
}

# The first x.y.z in a text, such as nanoff's "nanoff 2.5.162+1a2b3c" or ".NET nanoFramework Firmware Flasher v3.0.1".
nf_version_in() {
    printf '%s\n' "$1" | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 || true
}

NF_NANOFF_CMD=()
NF_NANOFF_ARGS=()
NF_NANOFF_VERSION=""
NF_NANOFF_SYNTAX=""
NF_NANOFF_PINNED=0
NF_NANOFF_OPTION="${NF_NANOFF_OPTION:-}"

# Decides which nanoff runs and which syntax it speaks; records what is missing. Sets NF_NANOFF_CMD (the command
# words), NF_NANOFF_VERSION, NF_NANOFF_SYNTAX (flags or verbs) and NF_NANOFF_PINNED. Stops, in one line, on a nanoff
# whose version it does not know. (Not called in $(...): nf_missing must reach this shell.)
nf_resolve_nanoff() {
    local chosen="${NF_NANOFF_OPTION:-${NF_NANOFF:-}}" how exe pinned
    pinned="$(nf_pinned_nanoff_version)"
    if [ -n "$chosen" ]; then
        how="NF_NANOFF=$chosen"
        if [ -n "$NF_NANOFF_OPTION" ]; then
            how="--nanoff $chosen"
        fi

        exe="$(nf_first_executable "$chosen" || true)"
        if [ -z "$exe" ]; then
            nf_missing "nanoff at $how: that is not an executable file (nor a command on PATH); fix it, or leave it out to use the pinned nanoff ${pinned:-(see $NF_NANOFF_MANIFEST)} through dotnet"
            NF_NANOFF_CMD=("$chosen")
            NF_NANOFF_VERSION="$pinned"
        else
            NF_NANOFF_CMD=("$exe")
            NF_NANOFF_VERSION="$(nf_version_in "$("$exe" --version 2>&1 || true)")"
            if [ -z "$NF_NANOFF_VERSION" ]; then
                nf_fail "$NF_EXIT_MISSING" "nanoff at $how printed no version for --version: nf-build knows $NF_NANOFF_KNOWN; use one of those, or leave it out for the pinned one"
            fi
        fi
    else
        local dotnet restorable=1
        dotnet="$(nf_first_executable dotnet || true)"
        if [ -z "$dotnet" ]; then
            nf_missing "dotnet (the .NET SDK, which runs the pinned nanoff as a local tool): https://dot.net/download"
            dotnet="dotnet"
            restorable=0
        fi

        if [ -z "$pinned" ]; then
            nf_missing "$NF_NANOFF_MANIFEST with a nanoff entry (the pinned nanoff version): this checkout is incomplete"
            pinned="2.5.162"
            restorable=0
        fi

        NF_NANOFF_CMD=("$dotnet" nanoff)
        NF_NANOFF_VERSION="$pinned"
        NF_NANOFF_PINNED=1
        if [ "$restorable" = 1 ]; then
            nf_restore_pinned_nanoff
        fi
    fi

    local major="${NF_NANOFF_VERSION%%.*}"
    case "$major" in
        '' | *[!0-9]*) major=0 ;;
    esac

    if [ "$major" -eq 2 ]; then
        NF_NANOFF_SYNTAX=flags
    elif [ "$major" -ge 3 ]; then
        NF_NANOFF_SYNTAX=verbs
    else
        nf_fail "$NF_EXIT_MISSING" "nanoff ${NF_NANOFF_CMD[0]} is version $NF_NANOFF_VERSION: nf-build knows $NF_NANOFF_KNOWN; use one of those, or leave out --nanoff/NF_NANOFF for the pinned one"
    fi
}

# Installs the pinned nanoff into the NuGet cache if it is not there yet (a no-op afterwards), in dry runs too: a pinned
# nanoff that cannot be restored is a missing prerequisite, and only the restore itself can tell (no feed serves it,
# no network). It writes nothing but the NuGet cache. Called by nf_resolve_nanoff from the repository root.
nf_restore_pinned_nanoff() {
    local output status=0
    if [ "$NF_DRY_RUN" = 0 ]; then
        printf '+ ' >&2
        nf_format_command "${NF_NANOFF_CMD[0]}" tool restore >&2
    fi

    output="$("${NF_NANOFF_CMD[0]}" tool restore 2>&1)" || status=$?
    if [ "$status" -ne 0 ]; then
        local reason
        reason="$(printf '%s\n' "$output" | grep -v '^[[:space:]]*$' | head -n 1)"
        nf_missing "nanoff $NF_NANOFF_VERSION (pinned in $NF_NANOFF_MANIFEST): dotnet tool restore failed (exit $status${reason:+: $reason}); make a NuGet feed that serves nanoff reachable, or install a nanoff yourself and pass it with --nanoff <path>"
    fi
}

# The restore already ran (nf_restore_pinned_nanoff); a dry run still shows it among the commands a real run runs.
nf_prepare_nanoff() {
    if [ "$NF_NANOFF_PINNED" = 1 ] && [ "$NF_DRY_RUN" = 1 ]; then
        nf_run "${NF_NANOFF_CMD[0]}" tool restore
    fi
}

# The arguments of each nanoff operation, in the syntax of the resolved nanoff, into NF_NANOFF_ARGS.
# Writes the firmware: nanoff picks the image for the chip it finds, or flashes the named target; at the firmware
# version given (nf-build/firmware-versions.txt), or the newest when it is empty (--latest).
nf_nanoff_flash_args() {
    local port="$1" target="$2" version="$3"
    if [ "$NF_NANOFF_SYNTAX" = verbs ]; then
        if [ -n "$target" ]; then
            NF_NANOFF_ARGS=(flash target "$target" serialport "$port")
        else
            NF_NANOFF_ARGS=(flash platform esp32 serialport "$port")
        fi

        if [ -n "$version" ]; then
            NF_NANOFF_ARGS[${#NF_NANOFF_ARGS[@]}]=fwversion
            NF_NANOFF_ARGS[${#NF_NANOFF_ARGS[@]}]="$version"
        fi
    else
        if [ -n "$target" ]; then
            NF_NANOFF_ARGS=(--target "$target" --serialport "$port" --update)
        else
            NF_NANOFF_ARGS=(--platform esp32 --serialport "$port" --update)
        fi

        if [ -n "$version" ]; then
            NF_NANOFF_ARGS[${#NF_NANOFF_ARGS[@]}]=--fwversion
            NF_NANOFF_ARGS[${#NF_NANOFF_ARGS[@]}]="$version"
        fi
    fi
}

# Prints the board's details, among them its firmware's native assemblies (2.x: --nanodevice --devicedetails;
# 3.x: details serialport P, which nanoFirmwareFlasher's VerbOptionsMapper turns into the same nano-device details).
nf_nanoff_details_args() {
    if [ "$NF_NANOFF_SYNTAX" = verbs ]; then
        NF_NANOFF_ARGS=(details serialport "$1")
    else
        NF_NANOFF_ARGS=(--nanodevice --devicedetails --serialport "$1")
    fi
}

# Deploys an application image to a board that runs nanoFramework.
nf_nanoff_deploy_args() {
    if [ "$NF_NANOFF_SYNTAX" = verbs ]; then
        NF_NANOFF_ARGS=(deploy serialport "$1" image "$2")
    else
        NF_NANOFF_ARGS=(--nanodevice --deploy --serialport "$1" --image "$2")
    fi
}

# Stores Wi-Fi and certificates (nanoff's network deployment JSON).
nf_nanoff_network_args() {
    if [ "$NF_NANOFF_SYNTAX" = verbs ]; then
        NF_NANOFF_ARGS=(deploy serialport "$1" network "$2")
    else
        NF_NANOFF_ARGS=(--serialport "$1" --networkdeployment "$2")
    fi
}

# Writes files to the board's storage (nanoff's file deployment JSON).
nf_nanoff_file_args() {
    if [ "$NF_NANOFF_SYNTAX" = verbs ]; then
        NF_NANOFF_ARGS=(deploy serialport "$1" file "$2")
    else
        NF_NANOFF_ARGS=(--serialport "$1" --filedeployment "$2")
    fi
}

# Lists the serial ports.
nf_nanoff_list_ports_args() {
    if [ "$NF_NANOFF_SYNTAX" = verbs ]; then
        NF_NANOFF_ARGS=(list ports)
    else
        NF_NANOFF_ARGS=(--listports)
    fi
}

# The serial port must name a device that is there and that this user may open: a missing prerequisite otherwise,
# in a dry run too (a dry run that passes means a real run can start). Windows-style names (COM3) are left to nanoff.
nf_check_port() {
    local port="$1"
    case "$port" in
        /*) ;;
        *) return 0 ;;
    esac

    if [ ! -e "$port" ]; then
        local look="ls /dev/ttyUSB* /dev/ttyACM*"
        if [ "$(uname -s)" = Darwin ]; then
            look="ls /dev/cu.*"
        fi

        nf_missing "serial port $port does not exist: plug the board in (a data USB cable, not a charge-only one); see which ports there are with: $look (or nf-build/flash --list-ports)"
    elif [ ! -r "$port" ] || [ ! -w "$port" ]; then
        if [ "$(uname -s)" = Linux ]; then
            nf_missing "no permission to open $port: sudo usermod -aG dialout $(id -un), then log out and in again"
        else
            nf_missing "no permission to open $port: check that no other program (a serial monitor, the VS Code debugger) holds it"
        fi
    fi
}

# --- firmware versions ----------------------------------------------------------------------------------------------
# nf-build/firmware-versions.txt: per target, the firmware whose native assemblies match WwepDevice/packages.config
# (TARGET|VERSION|STATUS; TARGET * is for when nanoff picks the target). See that file's header.

NF_FIRMWARE_TABLE="nf-build/firmware-versions.txt"

# Sets NF_FIRMWARE_VERSION and NF_FIRMWARE_STATUS for a target (* when none is named): unknown/unknown when the table
# has no usable entry for it.
nf_pinned_firmware() {
    local wanted="${1:-*}" name version status
    NF_FIRMWARE_VERSION=unknown
    NF_FIRMWARE_STATUS=unknown
    if [ ! -f "$NF_ROOT/$NF_FIRMWARE_TABLE" ]; then
        return 0
    fi

    while IFS='|' read -r name version status; do
        if [ "$name" = "$wanted" ] && [ -n "$version" ]; then
            NF_FIRMWARE_VERSION="$version"
            NF_FIRMWARE_STATUS="${status:-unconfirmed}"
            return 0
        fi
    done < <(grep -v '^#' "$NF_ROOT/$NF_FIRMWARE_TABLE" | tr -d '\r ' | grep -v '^$')
}

# Stops with a usage error unless an option such as --port is followed by a value.
# Usage (in the argument loop): nf_need_value "$1" "$#" "${2-}"; port="$2"; shift 2
nf_need_value() {
    if [ "$2" -lt 2 ] || [ -z "$3" ]; then
        nf_usage_error "$1 needs a value"
    fi

    case "$3" in
        -*) nf_usage_error "$1 needs a value, not the option $3" ;;
    esac
}

# nf_run, and when the command fails, stop with its exit code and a hint at the usual cause.
# Usage: nf_run_or_fail "hint" command args...
nf_run_or_fail() {
    local hint="$1" status=0
    shift
    nf_run "$@" || status=$?
    if [ "$status" -ne 0 ]; then
        nf_fail "$status" "$(basename "$1") failed (exit $status): $hint"
    fi
}

NF_BOARD_HINT="is the board running the nanoFramework firmware (nf-build/flash), and is no other program (a serial monitor, the VS Code debugger) holding the port?"

# A relative --nanoff path is the caller's, relative to the folder they ran the script from (the verbs cd to the root).
nf_absolute_nanoff_option() {
    case "$NF_NANOFF_OPTION" in
        '' | /*) ;;
        */*) NF_NANOFF_OPTION="$PWD/$NF_NANOFF_OPTION" ;;
    esac
}
