/// The process exit statuses claret-harness uses, following BSD `sysexits.h` where one fits.
///
/// Scripts and CI jobs branch on these, so a case's number never changes once shipped.
public enum ExitCode: Int32, Sendable, CaseIterable {
    /// Everything asked for was done, and every check passed.
    case success = 0
    /// The command ran to the end but its outcome was negative, e.g. a scenario found mismatches.
    case failure = 1
    /// The command line was wrong: an unknown option, a missing value, a bad number (`EX_USAGE`).
    case usage = 64
    /// An input file was read but its content is invalid: a scenario or config that does not parse or
    /// validate (`EX_DATAERR`).
    case dataError = 65
    /// An input file named on the command line does not exist or cannot be read (`EX_NOINPUT`).
    case noInput = 66
    /// A target named on the command line could not be reached at all (`EX_UNAVAILABLE`).
    case unavailable = 69
    /// claret-harness itself failed: an internal error that is a bug to report (`EX_SOFTWARE`).
    case software = 70
    /// An output file or folder could not be created, e.g. the `--data` directory (`EX_CANTCREAT`).
    case cannotCreate = 73
}
