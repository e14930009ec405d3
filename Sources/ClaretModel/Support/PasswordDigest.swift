/// A salted SHA-256 of a password: what the store keeps instead of the password itself.
public struct PasswordDigest: Sendable, Equatable {
    /// Random bytes mixed in before hashing, so equal passwords give different digests.
    public let salt: [UInt8]
    /// SHA-256 of the salt followed by the password's UTF-8 bytes.
    public let hash: [UInt8]

    /// A digest of stored parts.
    public init(salt: [UInt8], hash: [UInt8]) {
        self.salt = salt
        self.hash = hash
    }

    /// A digest of `password` with a fresh random salt.
    public init(password: String) {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        self.init(salt: salt, hash: SHA256.digest(salt + Array(password.utf8)))
    }

    /// Whether `password` is the one digested, compared in constant time.
    public func matches(_ password: String) -> Bool {
        SHA256.constantTimeEquals(SHA256.digest(salt + Array(password.utf8)), hash)
    }
}

extension SHA256 {
    /// The bytes of a hex string, or nil when it is not whole hex bytes.
    public static func bytes(fromHex hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            result.append(high << 4 | low)
        }
        return result
    }
}
