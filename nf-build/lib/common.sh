# Shared by nf-build/build, flash, configure and deploy (sourced, not run).
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

# Where `dotnet tool install -g` puts tools.
nf_dotnet_tools_dir() {
    echo "${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
}

# nanoff: $NF_NANOFF if set, else on PATH, else in the dotnet global tools folder (often not on PATH yet).
nf_find_nanoff() {
    if [ -n "${NF_NANOFF:-}" ]; then
        nf_first_executable "$NF_NANOFF"
        return
    fi

    nf_first_executable nanoff "$(nf_dotnet_tools_dir)/nanoff"
}

NF_NANOFF_MISSING_HINT="nanoff (the nanoFramework flasher): run nf-build/flash, which installs it, or: dotnet tool install -g nanoff"

# The serial port must name a device that is there and that this user may open. Skipped in a dry run,
# which should work without a board. Windows-style names (COM3) are left to nanoff.
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

        nf_fail "$NF_EXIT_MISSING" "serial port $port does not exist: plug the board in (a data USB cable, not a charge-only one); see which ports there are with: $look (or nanoff --listports)"
    fi

    if [ ! -r "$port" ] || [ ! -w "$port" ]; then
        if [ "$(uname -s)" = Linux ]; then
            nf_fail "$NF_EXIT_MISSING" "no permission to open $port: sudo usermod -aG dialout $(id -un), then log out and in again"
        fi

        nf_fail "$NF_EXIT_MISSING" "no permission to open $port: check that no other program (a serial monitor, the VS Code debugger) holds it"
    fi
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
