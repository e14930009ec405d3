/// Finds the name a user most likely meant when they mistyped one, for "Did you mean …?" hints.
enum NameSuggester {
    /// The candidate nearest to `typed`: the closest within a small edit distance (ties go to the earliest
    /// candidate), otherwise the first candidate that `typed` abbreviates. `nil` when nothing is close.
    ///
    /// The allowed distance grows with the word's length, one edit per three characters (at least one), so
    /// short words only match near-identical names.
    static func suggestion(for typed: String, among candidates: [String]) -> String? {
        guard !typed.isEmpty else { return nil }
        let allowed = max(1, typed.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typed, candidate)
            if distance <= allowed && distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.name }
        guard typed.count >= 3 else { return nil }
        return candidates.first { $0.hasPrefix(typed) }
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent
    /// characters each cost one, so `prot` is one edit from `port`.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows of the dynamic-programming table suffice: the swap rule looks back two rows.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
