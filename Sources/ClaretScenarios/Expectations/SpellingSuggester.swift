/// Finds the word a user probably meant when they mistyped a keyword or name, for "did you mean" hints.
enum SpellingSuggester {
    /// The candidate closest to `typed`, if one is close enough: `aliases` first (exact, case-insensitive
    /// matches of words people carry over from other tools), then the nearest candidate within one edit
    /// per three characters (at least one). Ties go to the earlier candidate.
    static func suggestion(for typed: String, among candidates: [String], aliases: [String: String] = [:]) -> String? {
        if let alias = aliases[typed.lowercased()] { return alias }
        let limit = max(1, typed.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(from: typed.lowercased(), to: candidate.lowercased())
            if distance <= limit, distance < best?.distance ?? .max {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The number of single-character insertions, deletions, substitutions or swaps of neighbours that
    /// turn `source` into `target`; a swap counts as one so `lenght` is one edit from `length`.
    static func editDistance(from source: String, to target: String) -> Int {
        let source = Array(source)
        let target = Array(target)
        guard !source.isEmpty else { return target.count }
        guard !target.isEmpty else { return source.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: target.count + 1), count: source.count + 1)
        for row in 0...source.count { table[row][0] = row }
        for column in 0...target.count { table[0][column] = column }
        for row in 1...source.count {
            for column in 1...target.count {
                let cost = source[row - 1] == target[column - 1] ? 0 : 1
                var distance = min(
                    table[row - 1][column] + 1, table[row][column - 1] + 1, table[row - 1][column - 1] + cost)
                let swapped =
                    row > 1 && column > 1 && source[row - 1] == target[column - 2]
                    && source[row - 2] == target[column - 1]
                if swapped { distance = min(distance, table[row - 2][column - 2] + 1) }
                table[row][column] = distance
            }
        }
        return table[source.count][target.count]
    }
}
