extension NormalizationRule {
    /// The built-in rules, in the order they apply (after any rules of a rules file):
    ///
    /// - `base_url`: the side's own `target.base_url` → `{base_url}` (hosts and ports differ between runs).
    /// - `tenant`: the side's own `target.tenant` → `{tenant}` as a word or URL path segment (each mock run
    ///   has its own tenant, `full-refresh-…-9at23a-1`, and a real tenant its own name).
    /// - `token`: Sanctum tokens (`12|` and 40 letters or digits) and the `{{token}}` placeholder → `{token}`.
    /// - `timestamp`: ISO 8601 date-times (`2026-12-03T16:56:41Z`, `2024-09-12 10:11:12.000000Z`) → `{timestamp}`.
    /// - `job id`: every `job_log_id` value, at any depth → `{job_id}`.
    /// - `job link`: `/imports/logs/<id>` and `/imports/status/<id>` → `/imports/logs/{job_id}`.
    /// - `job file`: the `/<date>/<id>/<name>_<yyyymmdd>_` part of a job file path →
    ///   `/{date}/{job_id}/<name>_{date}_`.
    /// - `volatile header`: the whole value of `Date`, `Set-Cookie` and `X-*` headers → `{volatile}`, for
    ///   when a rules file asks to compare them.
    public static let defaults: [NormalizationRule] = {
        var rules = [
            NormalizationRule(name: "base_url", scope: .everywhere, finder: .baseURL, replacement: "{base_url}"),
            NormalizationRule(name: "tenant", scope: .everywhere, finder: .tenant, replacement: "{tenant}"),
        ]
        let patterns: [(name: String, scope: Scope, pattern: String?, replacement: String)] = [
            ("token", .everywhere, #"\b\d+\|[A-Za-z0-9]{40}\b|\{\{token\}\}"#, "{token}"),
            (
                "timestamp", .everywhere,
                #"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?(?![\d:])"#,
                "{timestamp}"
            ),
            ("job id", .path(jobIDPath), #"^\d+$"#, "{job_id}"),
            ("job link", .everywhere, #"/imports/(logs|status)/\d+\b"#, "/imports/$1/{job_id}"),
            (
                "job file", .everywhere, #"/\d{4}-\d{2}-\d{2}/\d+/([^/?#\s"]*?)_\d{8}_"#,
                "/{date}/{job_id}/$1_{date}_"
            ),
            ("volatile header", .header("Date"), nil, "{volatile}"),
            ("volatile header", .header("Set-Cookie"), nil, "{volatile}"),
            ("volatile header", .header("X-*"), nil, "{volatile}"),
        ]
        for rule in patterns {
            // The patterns above are constants checked by the tests; a typo would drop the rule, not crash.
            if let made = try? NormalizationRule(
                name: rule.name, scope: rule.scope, pattern: rule.pattern, replacement: rule.replacement)
            {
                rules.append(made)
            }
        }
        return rules
    }()

    /// The names of the built-in rules, each once, in order.
    public static var defaultNames: [String] {
        var seen: Set<String> = []
        return defaults.map(\.name).filter { seen.insert($0).inserted }
    }

    private static var jobIDPath: PathPattern {
        (try? PathPattern(parsing: "$..job_log_id"))!
    }
}
